# The Waymark content server (`waymark serve`), for PostgreSQL or an embedded SQLite file.
# docs/deploy.md says how to run it, alone or as several instances behind a load balancer.
FROM node:20-bookworm-slim

WORKDIR /app
COPY package.json package-lock.json ./
# Runtime dependencies only; no install scripts (WXT's prepare is for the extension build).
# better-sqlite3 is built for this image, then the build tools go again.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  && npm rebuild better-sqlite3 \
  && apt-get purge -y python3 make g++ && apt-get autoremove -y \
  && rm -rf /var/lib/apt/lists/* /root/.npm

COPY bin bin
COPY lib lib
COPY server server
COPY content content
COPY tsconfig.json ./

ENV NODE_ENV=production
# The embedded default's folder, for a single instance on SQLite (mount a volume here).
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 8787
# Ready: database reachable, schema current, not draining (GET /readyz).
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:8787/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM: /readyz turns 503 for 5 s so the balancer moves on, requests finish, then exit.
STOPSIGNAL SIGTERM
CMD ["node", "bin/waymark.mjs", "serve", "--host", "0.0.0.0", "--port", "8787", "--drain", "5"]

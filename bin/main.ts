import { anchorCommand } from './commands/anchor';
import { benchCommand } from './commands/bench-search';
import { contentCommand } from './commands/content';
import { dbCommand } from './commands/db';
import { detectCommand } from './commands/detect';
import { feedCommand } from './commands/feed';
import { insightsCommand } from './commands/insights';
import { serveCommand } from './commands/serve';
import { startCommand } from './commands/start';
import { usersCommand } from './commands/users';
import { EXIT, processIo, UsageError, type Io } from './io';

const USAGE = `Usage: waymark <command>

Commands:
  detect <url> [--html page.html] [--explain] [--content DIR]
                          where is the user? prints {app, screen, record, context} as JSON
  content check [DIR]     validate every content file (default: content/); exit 1 on problems
  content build [DIR] [--out FILE]
                          compile content into the bundle the extension and server load
  content push [DIR] --server URL --token T
                          send changed items to a server as drafts, and changed templates
                          with an admin token (checked locally first)
  content pull [DIR] --server URL --token T
                          write the server's items, apps and templates as content files
                          (changed files only)
  import zendesk|confluence|guru|html|markdown <export> [--into DIR | --server URL --token T]
         [--status draft|published] [--owner EMAIL] [--base-url URL] [--dry-run]
                          bring existing knowledge in as articles (drafts for review unless
                          --status published, folder output only); a re-import updates them
  bench search [--corpus FILE.jsonl[.gz]] [--queries FILE.jsonl] [--size N] [--repeat R] [--no-rerank]
                          measure search quality, latency, build, size and load times (JSON)
  anchor --html page.html --selector CSS [--json]
                          the anchor for one element of a saved page (YAML for a tip's front matter)
  start [--db FILE] [--port N] [--skip-build]
                          build the extension, run the content server with demo tokens (npm start)
  serve [--db DB] [--port N] [--host H] [--seed DIR] [--drain SECONDS] [--request-log on|off]
                          run the content server (seeds an empty database from content/)
        [--config waymark.yaml] [--oidc-issuer URL --oidc-audience AUD] [--oidc-client-id ID]
                          sign-in through the organisation's OpenID provider; SCIM at /scim/v2
                          with WAYMARK_SCIM_TOKEN (docs/sign-in.md)
  users add <email> --role learner|author|reviewer|admin [--team T] [--rotate] [--db DB]
                          add a user (or --rotate their token); prints the token once on stdout
  users revoke <email> [--db DB]
                          revoke a user's token, effective on its next request
  users list [--db DB]    list users (never tokens)
  feed export <dir> [--audience role[:team]] [--db DB] [--page-size N]
                          write the feed as immutable static pages plus head.json (for a CDN)
  feed export --s3 s3://BUCKET[/PREFIX] [--endpoint URL] [--region R] [--audience …]
                          the same, PUT to S3-compatible object storage (pages, then head.json)
  db migrate|status [--db DB]
                          apply pending schema migrations / show the schema version
  db copy --from DB --to DB
                          copy a whole database into an empty one (e.g. SQLite → PostgreSQL),
                          keeping its epoch and feed sequence so clients sync on
  insights gaps|content|guidance|learning|teams|impact [--since 30d] [--until DAY] [--app A]
         [--format table|csv|json] [--table NAME] [--db DB]
                          an insights view (privacy rules applied: queries only past the k
                          threshold, small groups suppressed); csv: one table (--table)
  insights import-helpdesk <export.csv> [--app zendesk] [--record-type ticket] [--key-file F]
                          join a helpdesk ticket-metrics export on hashed ids (key:
                          WAYMARK_IMPACT_KEY or --key-file); the ids are dropped
  insights prune [--db DB]
                          delete what retention says is past keeping (serve does it too)

  DB is a SQLite file or a postgres:// URL; default: $DATABASE_URL, else ./data/waymark.db
  help                    this text`;

type Command = (args: string[], io: Io) => Promise<number>;

const commands: Record<string, Command> = {
  detect: detectCommand,
  content: contentCommand,
  start: startCommand,
  bench: benchCommand,
  anchor: anchorCommand,
  serve: serveCommand,
  users: usersCommand,
  feed: feedCommand,
  // Loaded on use: the unified pipeline is only needed by `import`, not by every command's start-up.
  import: async (args, io) => (await import('./commands/import')).importCommand(args, io),
  db: dbCommand,
  insights: insightsCommand,
};

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = commands[name];
  if (command === undefined) {
    io.err(`waymark: unknown command "${name}"\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      io.err(`waymark ${name}: ${(error as Error).message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    throw error;
  }
}

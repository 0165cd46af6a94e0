import { z } from 'zod';

/**
 * Extension pages and the service worker run under a CSP without `unsafe-eval`. zod 4 compiles
 * fast object parsers with `new Function` after probing whether eval is allowed; the probe is
 * caught, but Chrome still reports a CSP violation for it. `jitless` skips both. Import this
 * first in every extension context that uses zod.
 */
z.config({ jitless: true });

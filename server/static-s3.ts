import type { S3Client } from '@aws-sdk/client-s3';
import type { StaticHead } from '@/lib/content-model';
import { parseHead, planStaticExport } from './static-export';
import type { Audience, Store } from './store';

/** Where an export goes: `s3://bucket/prefix`, and the endpoint of S3-compatible storage. */
export interface S3Target {
  bucket: string;
  /** Key prefix without a trailing slash ('' for the bucket's root). */
  prefix: string;
  /** For S3-compatible storage (MinIO, R2, …); AWS itself needs none. */
  endpoint?: string | undefined;
  region?: string | undefined;
  /** Only for tests and local storage; otherwise the SDK's usual chain (env, profile, role). */
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
}

/** Page files never change (named by content); the head moves on every export. */
export const PAGE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
export const HEAD_CACHE_CONTROL = 'public, max-age=60';

/** `s3://bucket/some/prefix` as bucket and prefix; undefined when it is not such a URL. */
export function parseS3Url(url: string): { bucket: string; prefix: string } | undefined {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
  if (match?.[1] === undefined) return undefined;
  return { bucket: match[1], prefix: (match[2] ?? '').replace(/^\/+|\/+$/g, '') };
}

const keyOf = (target: S3Target, name: string) =>
  target.prefix === '' ? name : `${target.prefix}/${name}`;

async function existingKeys(client: S3Client, target: S3Target): Promise<Set<string>> {
  const { ListObjectsV2Command } = await import('@aws-sdk/client-s3');
  const keys = new Set<string>();
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({
        Bucket: target.bucket,
        Prefix: keyOf(target, 'pages/'),
        ContinuationToken: token,
      }),
    );
    for (const object of page.Contents ?? []) if (object.Key !== undefined) keys.add(object.Key);
    token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
  return keys;
}

async function previousHead(client: S3Client, target: S3Target): Promise<StaticHead | undefined> {
  const { GetObjectCommand, NoSuchKey } = await import('@aws-sdk/client-s3');
  try {
    const object = await client.send(
      new GetObjectCommand({ Bucket: target.bucket, Key: keyOf(target, 'head.json') }),
    );
    return parseHead(await object.Body?.transformToString());
  } catch (error) {
    if (error instanceof NoSuchKey) return undefined;
    throw error;
  }
}

/**
 * Exports the feed for one audience to object storage: the page files first (immutable, cached
 * for a year; a key that exists is skipped, since a page's name is its content's hash), then
 * `head.json` with a short max-age, so a reader never sees a head naming a missing page. The AWS
 * SDK is loaded only here: a server that never exports to S3 never loads it.
 */
export async function exportStaticFeedToS3(
  store: Store,
  target: S3Target,
  audience: Audience,
  pageSize: number,
): Promise<{ head: StaticHead; put: string[]; skipped: number }> {
  const { S3Client, PutObjectCommand } = await import('@aws-sdk/client-s3');
  const client = new S3Client({
    region: target.region ?? process.env.AWS_REGION ?? 'us-east-1',
    endpoint: target.endpoint,
    forcePathStyle: target.endpoint !== undefined,
    credentials: target.credentials,
  });
  try {
    const previous = await previousHead(client, target);
    const { pages, head } = await planStaticExport(store, audience, pageSize, previous);
    const existing = await existingKeys(client, target);
    const put: string[] = [];
    const write = async (name: string, body: string, cacheControl: string) => {
      const key = keyOf(target, name);
      await client.send(
        new PutObjectCommand({
          Bucket: target.bucket,
          Key: key,
          Body: body,
          ContentType: 'application/json',
          CacheControl: cacheControl,
        }),
      );
      put.push(key);
      existing.add(key);
    };
    let skipped = 0;
    for (const page of pages) {
      if (existing.has(keyOf(target, page.file))) skipped += 1;
      else await write(page.file, page.text, PAGE_CACHE_CONTROL);
    }
    await write('head.json', JSON.stringify(head, null, 1), HEAD_CACHE_CONTROL);
    return { head, put, skipped };
  } finally {
    client.destroy();
  }
}

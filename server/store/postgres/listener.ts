import postgres from 'postgres';

export interface ListenerHandlers {
  /** A write committed: the new last feed sequence. */
  seq: (value: number) => void;
  /** A user's token changed or was revoked: its hash, to drop from caches. */
  user: (tokenHash: string) => void;
  /** Listening (again): whatever was announced while not listening must be re-read. */
  up: () => void;
  /** The connection dropped: announcements may be missed until `up`. */
  down: () => void;
}

/**
 * One dedicated connection LISTENing to the store's channels, reconnecting with backoff for as
 * long as the store is open. postgres.js's own `listen` gives up a channel when re-listening
 * fails once (the database still down); this keeps trying, and says when it is up or down so
 * the store stops trusting its caches in between.
 */
export class ChangeListener {
  private readonly client: postgres.Sql;
  private listening = false;
  private closed = false;

  constructor(
    url: string,
    private readonly handlers: ListenerHandlers,
  ) {
    // onnotify is the option postgres.js's listen() itself uses; it is not in its typings.
    const options = {
      max: 1,
      idle_timeout: null,
      max_lifetime: null,
      fetch_types: false,
      onnotice: () => undefined,
      connection: { application_name: 'waymark-listen' },
      onnotify: (channel: string, payload: string) => this.notified(channel, payload),
      onclose: () => this.lost(),
    };
    this.client = postgres(url, options as unknown as postgres.Options<Record<string, never>>);
  }

  get isListening(): boolean {
    return this.listening;
  }

  /** Resolves once listening (retrying until then, or until closed). */
  async start(): Promise<void> {
    for (let attempt = 0; !this.closed; attempt++) {
      try {
        await this.client`LISTEN waymark_seq`;
        await this.client`LISTEN waymark_users`;
        this.listening = true;
        this.handlers.up();
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 50 * 2 ** attempt)));
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client.end({ timeout: 1 });
  }

  private notified(channel: string, payload: string): void {
    if (channel === 'waymark_seq') this.handlers.seq(Number(payload));
    else if (channel === 'waymark_users') this.handlers.user(payload);
  }

  private lost(): void {
    if (!this.listening || this.closed) return;
    this.listening = false;
    this.handlers.down();
    void this.start();
  }
}

// Serves one PGlite database to several PostgreSQL clients on loopback.
// PGlite is a single backend, so clients must take turns — and a turn must be
// a whole unit of the protocol: a simple query, or an extended-protocol group
// up to its Sync (Parse/Bind/Execute… share the backend's unnamed statement
// and portal), and a whole transaction when one is open. pglite-socket's
// server interleaves single messages of different connections, which loses
// acknowledged writes under a connection pool (`portal "" cannot be run`);
// this server never does.
import net from "node:net";
import type { PGlite } from "@electric-sql/pglite";

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;

type Turn = { connection: number; resolve: () => void };

/** Who may use the backend: one connection at a time, in arrival order. */
class Backend {
  private owner: number | null = null;
  private waiting: Turn[] = [];

  acquire(connection: number): Promise<void> {
    if (this.owner === null || this.owner === connection) {
      this.owner = connection;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push({ connection, resolve }));
  }

  release(connection: number): void {
    if (this.owner !== connection) return;
    this.owner = null;
    const next = this.waiting.shift();
    if (next) {
      this.owner = next.connection;
      next.resolve();
    }
  }

  owns(connection: number): boolean {
    return this.owner === connection;
  }
}

export type PgliteServer = { close: () => Promise<void> };

export function servePglite(
  db: PGlite,
  options: { port: number; host: string; maxConnections?: number },
): Promise<PgliteServer> {
  const backend = new Backend();
  const sockets = new Set<net.Socket>();
  let nextId = 1;

  const server = net.createServer((socket) => {
    const id = nextId++;
    sockets.add(socket);
    let buffer = Buffer.alloc(0);
    let started = false;
    let unit: Buffer[] = [];
    let chain = Promise.resolve();
    socket.setNoDelay(true);

    const write = (data: Uint8Array) => {
      if (data.length && socket.writable) socket.write(Buffer.from(data));
    };

    /** Runs one unit (a startup, a simple query, or messages up to Sync/Flush) while holding the backend. */
    const run = (messages: Buffer[], endsGroup: boolean) => {
      chain = chain.then(async () => {
        await backend.acquire(id);
        try {
          for (const message of messages) await db.execProtocolRawStream(new Uint8Array(message), { onRawData: write });
        } finally {
          // Keep the backend through an open transaction (and an extended group not yet synced).
          if (endsGroup && !db.isInTransaction()) backend.release(id);
        }
      });
      chain = chain.catch(() => {
        socket.destroy();
      });
    };

    socket.on("data", (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!started) {
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          const code = buffer.readInt32BE(4);
          if (code === SSL_REQUEST) {
            buffer = buffer.subarray(8);
            socket.write("N");
            continue;
          }
          if (code === CANCEL_REQUEST) {
            socket.destroy();
            return;
          }
          if (buffer.length < length) return;
          started = true;
          run([buffer.subarray(0, length)], true);
          buffer = buffer.subarray(length);
          continue;
        }
        if (buffer.length < 5) return;
        const type = String.fromCharCode(buffer[0]);
        const length = buffer.readInt32BE(1) + 1;
        if (buffer.length < length) return;
        const message = buffer.subarray(0, length);
        buffer = buffer.subarray(length);
        if (type === "X") {
          socket.end();
          return;
        }
        unit.push(message);
        if (type === "Q" || type === "S" || type === "H") {
          run(unit, type !== "H");
          unit = [];
        }
      }
    });

    const close = () => {
      chain = chain.then(async () => {
        // A client that goes away inside a transaction: roll it back and let the others in.
        if (backend.owns(id)) {
          if (db.isInTransaction()) await db.exec("ROLLBACK").catch(() => undefined);
          backend.release(id);
        }
      });
    };
    socket.on("close", () => {
      sockets.delete(socket);
      close();
    });
    socket.on("error", () => socket.destroy());
  });
  server.maxConnections = options.maxConnections ?? 64;
  const closeAll = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve({ close: closeAll }));
  });
}

import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

/**
 * A first-come-first-served queue that lets one waiter go per turn of the event loop: each turn
 * then holds one database operation and the JavaScript that follows it, however many requests wait.
 * With `sliceMs`, whatever asks within that long of the last release goes on at once: the request
 * just let go runs its next statements and the rendering between them without a turn for each
 * (a turn per statement cost the signed-in pages a fifth to a third of their throughput), and the
 * loop still turns, accepting connections and reading requests, every `sliceMs` of work.
 */
export function turnQueue(sliceMs = 0): () => Promise<void> {
  const waiting: (() => void)[] = [];
  let scheduled = false;
  let sliceEnds = -Infinity;
  const letOneGo = () => {
    sliceEnds = performance.now() + sliceMs;
    waiting.shift()?.();
    scheduled = waiting.length > 0;
    if (scheduled) setImmediate(letOneGo);
  };
  return () => {
    if (sliceMs > 0 && performance.now() < sliceEnds) return Promise.resolve();
    return new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (!scheduled) {
        scheduled = true;
        setImmediate(letOneGo);
      }
    });
  };
}

/** How long a request let go by the queue runs on before it waits for the loop's next turn. */
export const turnSliceMs = 4;

/**
 * The embedded database, taking turns with the rest of the server. PGlite runs each statement
 * synchronously on the main thread and settles its promise at once, so a request's statements and
 * the JavaScript between them form one unbroken chain of microtasks: Node returns to the event
 * loop only when the response has been written. Node's libuv accepts one connection per turn of
 * the loop, and each turn first serves every connection already accepted, so a burst of new
 * clients queues in the kernel while the first few are served again and again (measured with 50
 * connections: one request in flight at a time, the last connections accepted after 9 s, p99 9 s
 * while no request took more than 140 ms inside the server).
 *
 * Here each statement outside a transaction, and each transaction's start, waits in a queue that
 * lets one of them go per turn of the loop (turnQueue): between two of them the server accepts a
 * connection and reads the requests that arrived, which then queue in the order they asked. A
 * turn per waiting request would not do: a turn would serve one step of every request in flight,
 * and grow with them. A transaction's statements do not wait: it holds the database until it ends.
 */
export function takingTurns(
  factory: SqlMigrationAwareDriverAdapterFactory,
): SqlMigrationAwareDriverAdapterFactory {
  const nextTurn = turnQueue(turnSliceMs);
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => takingTurnsAdapter(await factory.connect(), nextTurn),
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
}

function takingTurnsAdapter(adapter: SqlDriverAdapter, nextTurn: () => Promise<void>): SqlDriverAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: async (query) => {
      await nextTurn();
      return adapter.queryRaw(query);
    },
    executeRaw: async (query) => {
      await nextTurn();
      return adapter.executeRaw(query);
    },
    executeScript: (script) => adapter.executeScript(script),
    startTransaction: async (isolationLevel) => {
      await nextTurn();
      return adapter.startTransaction(isolationLevel);
    },
    ...(adapter.getConnectionInfo ? { getConnectionInfo: () => adapter.getConnectionInfo!() } : {}),
    dispose: () => adapter.dispose(),
  };
}

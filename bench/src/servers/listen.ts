import type { Server } from 'node:http';
import { host } from '../processes.ts';

/** Listens on the port given as the first argument (0 or none: a free one) and tells the parent which, as `{"port":N}`. */
export function listenAndAnnounce(server: Server): void {
  server.keepAliveTimeout = 5000;
  server.listen(Number(process.argv[2] ?? 0), host, () => {
    console.log(JSON.stringify({ port: (server.address() as { port: number }).port }));
  });
  process.once('SIGTERM', () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}

/** Reads and drops the request body, then calls `then`: a server must take the whole request before answering. */
export function afterBody(request: NodeJS.ReadableStream, then: () => void): void {
  request.on('data', () => {});
  request.once('end', then);
}

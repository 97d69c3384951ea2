// A static file server on 127.0.0.1 (a random port unless one is given) for the built task pane,
// recording every request it answers so the browser test can check what the pane loaded. Also
// serves the preview page of `npm run preview` (scripts/preview.ts) on a fixed port.

import { createServer, type Server } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import type { AddressInfo } from "node:net";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

export interface StaticServer {
  origin: string;
  served: string[];
  close(): Promise<void>;
}

export interface ServeOptions {
  /** 0 (default): any free port. */
  port?: number;
  host?: string;
}

export async function serveDirectory(root: string, opts: ServeOptions = {}): Promise<StaticServer> {
  const host = opts.host ?? "127.0.0.1";
  const served: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    served.push(url.pathname);
    const file = normalize(join(root, decodeURIComponent(url.pathname.endsWith("/") ? `${url.pathname}index.html` : url.pathname)));
    if (!file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end(`not found: ${url.pathname}`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject); // e.g. EADDRINUSE on a fixed port
    server.listen(opts.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    served,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

// npm run preview — serve the built site(s) locally: the public edition on :4321, the internal one on :4322.
// A plain static server (directories serve index.html; paths are percent-decoded like a web server's).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/atom+xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

export function serve(dir: string, port: number): ReturnType<typeof createServer> {
  const server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      const notFound = join(dir, '404.html');
      res.writeHead(404, { 'content-type': TYPES['.html']! });
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end('404');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return server.listen(port, '127.0.0.1');
}

if (import.meta.main) {
  for (const [name, port, zh] of [['dist', 4321, '公开版'], ['dist-internal', 4322, '内部版']] as const) {
    const dir = join(ROOT, 'site', name);
    if (!existsSync(dir)) {
      console.log(`${zh} site/${name}/ 尚未生成（先运行 npm start 或 npx charter site build）— not built yet`);
      continue;
    }
    serve(dir, port);
    console.log(`${zh} ${name === 'dist' ? 'public' : 'internal'}: http://127.0.0.1:${port}/`);
  }
}

import { preview } from 'astro';
const srv = (await preview({ root: '/work/wt-find/site', outDir: process.argv[2]!, logLevel: 'error', server: { host: '127.0.0.1', port: Number(process.argv[3]) } })) as unknown as { port: number };
console.log('port', srv.port);

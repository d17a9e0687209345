// Downloads: every published table as /data/<name>.csv and /data/<name>.json, plus the whole data file.
import type { APIRoute } from 'astro';
import { site } from '../../lib/data.ts';
import { files } from '../../lib/tables.ts';

export function getStaticPaths() {
  return [
    ...files().map((f) => ({ params: { file: f.name }, props: { body: f.body, type: f.type } })),
    { params: { file: 'site.json' }, props: { body: JSON.stringify(site(), null, 1) + '\n', type: 'application/json' } },
  ];
}

export const GET: APIRoute = ({ props }) => new Response(props.body as string, { headers: { 'Content-Type': props.type as string } });

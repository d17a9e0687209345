// The phone form's own files, internal edition only (none exists in the public edition): its script, its
// stylesheet and the service worker, served from /internal/inspections/ so the worker's scope is the
// inspection pages and nothing else.
import type { APIRoute } from 'astro';
import { asset, isInternal } from '../../../lib/data.ts';
import css from '../../../inspections/form.css?raw';
import js from '../../../inspections/form.js?raw';
import sw from '../../../inspections/sw.js?raw';

export function getStaticPaths() {
  if (!isInternal()) return [];
  return [
    { params: { asset: 'form.js' }, props: { body: js, type: 'text/javascript; charset=utf-8' } },
    { params: { asset: 'form.css' }, props: { body: css, type: 'text/css; charset=utf-8' } },
    { params: { asset: 'sw.js' }, props: { body: sw.replace('__STYLE__', asset('style.css')), type: 'text/javascript; charset=utf-8' } },
  ];
}

export const GET: APIRoute = ({ props }) => new Response(props.body as string, { headers: { 'Content-Type': props.type as string } });

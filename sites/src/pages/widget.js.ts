import type { APIRoute } from 'astro';
import { widgetScript } from '../lib/widget/serve.ts';

export const GET: APIRoute = () => widgetScript('widget.js');

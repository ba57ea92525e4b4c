/**
 * CPU profiles of a server process started with `--inspect`, for a benchmark's measured phase only (not
 * its setup): `const p = await startProfile(port); …load…; await p.stop(file)`. Open the file in Chrome
 * DevTools or VS Code.
 */
import { writeFileSync } from 'node:fs';

export async function startProfile(inspectPort: number) {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const url = targets[0]?.webSocketDebuggerUrl;
  if (!url) throw new Error(`Kein Inspector auf Port ${inspectPort}.`);
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', reject, { once: true });
  });
  let next = 0;
  const pending = new Map<number, (result: unknown) => void>();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  const send = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve) => {
      next += 1;
      pending.set(next, resolve);
      socket.send(JSON.stringify({ id: next, method, params }));
    });
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: 200 });
  await send('Profiler.start');
  return {
    async stop(file: string) {
      const { profile } = (await send('Profiler.stop')) as { profile: unknown };
      writeFileSync(file, JSON.stringify(profile));
      socket.close();
    },
  };
}

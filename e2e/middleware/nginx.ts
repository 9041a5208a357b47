/** A real nginx on loopback with the caller's server block (see web-server.ts). */
import { nginxConfig } from './nginx-config';
import { startWebServer, type WebServer } from './web-server';

/** Starts nginx with `server` as its server block's body; `http` goes in the http context; `files` into the prefix. */
export function startNginx(server: (dir: string) => string, options: { http?: string; files?: Record<string, string> } = {}): Promise<WebServer> {
  return startWebServer({
    server: 'nginx',
    config: (dir, port) => nginxConfig(dir, port, server(dir), options.http),
    args: (dir, conf) => ['-p', dir, '-c', conf],
    ...(options.files ? { files: options.files } : {}),
  });
}

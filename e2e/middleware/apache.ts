/** A real Apache httpd on loopback with the caller's directives (see web-server.ts). */
import { apacheConfig } from './apache-config';
import { startWebServer, type WebServer } from './web-server';

/** Starts httpd with `body` in its main server; `files` go into the prefix (its DocumentRoot). */
export function startApache(body: (dir: string) => string, options: { files?: Record<string, string> } = {}): Promise<WebServer> {
  return startWebServer({
    server: 'apache',
    config: (dir, port) => apacheConfig(dir, port, body(dir)),
    args: (_dir, conf) => ['-f', conf, '-DFOREGROUND'],
    ...(options.files ? { files: options.files } : {}),
  });
}

/**
 * What the Java servlet containers of the middleware lab share (tomcat-lab.ts, jetty-lab.ts): a case is one
 * web application whose WEB-INF/web.xml maps the lab's servlet at /r, with the case's CORS part and the rest
 * of its web.xml; the application (servlet/: its servlet and authentication filter, written against
 * jakarta.servlet, rewritten to javax.servlet for a container that serves that) and the container's own
 * classes are compiled once with the JDK's javac against the container's jars; the container runs them as a
 * plain Java program on loopback (web-server.ts).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { requireServer, type ServerName } from '../../scripts/servers.mjs';
import { xmlText } from '../../src/rules/findings/fixes/quote';
import type { MiddlewareCase } from './servers';
import { startWebServer, type WebServer } from './web-server';

export interface ServletCase {
  /** web.xml's CORS part (filters and their mappings): what a fix replaces. */
  cors: string;
  /**
   * The rest of web.xml: the application's other filters, mapped before the CORS part (and after a fix's,
   * which says to come first), security constraints.
   */
  other?: string;
  /** The servlet throws (a 500 after the filters ran). */
  fails?: boolean;
}

export interface ServletLab {
  config: Record<string, ServletCase>;
  cases: MiddlewareCase[];
}

/** A container's cases, each at `/<prefix>/<id>/r`: [id, configuration in the container's words, case]. */
export function servletLab(framework: 'tomcat' | 'jetty', prefix: string, defs: ReadonlyArray<readonly [string, string, ServletCase]>): ServletLab {
  const config: Record<string, ServletCase> = {};
  const cases: MiddlewareCase[] = [];
  for (const [id, text, c] of defs) {
    config[id] = c;
    cases.push({ id: `${framework}-${id}`, framework, path: `/${prefix}/${id}/r`, config: text, servlet: c, ...(c.fails ? { fails: true } : {}) });
  }
  return { config, cases };
}

/** A filter on every path of the application, with these init-params. */
export function filterXml(name: string, className: string, params: Record<string, string>): string {
  const init = Object.entries(params).map(([p, value]) => `    <init-param><param-name>${p}</param-name><param-value>${xmlText(value)}</param-value></init-param>`);
  return [
    '<filter>',
    `    <filter-name>${name}</filter-name>`,
    `    <filter-class>${className}</filter-class>`,
    ...init,
    '</filter>',
    '<filter-mapping>',
    `    <filter-name>${name}</filter-name>`,
    '    <url-pattern>/*</url-pattern>',
    '</filter-mapping>',
  ].join('\n');
}

/** The application's authentication filter (LabAuthFilter: a 401 without an Authorization header) on every path. */
export const AUTH_FILTER = filterXml('AuthFilter', 'LabAuthFilter', {});

/** The servlet API a container serves: Jakarta EE 10's (Tomcat 10) or Java EE 8's (Jetty 9). */
export type ServletApi = 'jakarta' | 'javax';

/** The root element of a web.xml for that API. */
const WEB_APP: Record<ServletApi, string> = {
  jakarta: '<web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">',
  javax: '<web-app xmlns="http://xmlns.jcp.org/xml/ns/javaee" version="4.0">',
};

/** The case's web.xml; `fix`: a fix's web.xml part in place of the case's own CORS part, first among the filters as it says. */
function webXml(root: string, c: ServletCase, fix?: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    root,
    '<servlet>',
    '    <servlet-name>app</servlet-name>',
    '    <servlet-class>LabServlet</servlet-class>',
    ...(c.fails ? ['    <init-param><param-name>fails</param-name><param-value>true</param-value></init-param>'] : []),
    '</servlet>',
    '<servlet-mapping><servlet-name>app</servlet-name><url-pattern>/r</url-pattern></servlet-mapping>',
    ...(fix === undefined ? [c.other ?? '', c.cors] : [fix, c.other ?? '']),
    '</web-app>',
    '',
  ].filter((s) => s !== '').join('\n');
}

const run = promisify(execFile);
const compiled = new Map<string, Promise<string>>();

/** The application every container serves (jakarta.servlet sources). */
const APP_SOURCES = resolve(import.meta.dirname, 'servlet');

const javaFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.java')).sort().map((f) => join(dir, f));

/**
 * The container's own sources and the application's, compiled once into a directory named for them (reused
 * while they stay the same); for a javax container the application's imports are rewritten first.
 */
function classes(server: ServerName, sources: string, api: ServletApi, jars: readonly string[]): Promise<string> {
  let done = compiled.get(sources);
  if (!done) {
    done = (async () => {
      const texts = new Map<string, string>();
      for (const file of javaFiles(sources)) texts.set(file.slice(sources.length + 1), await readFile(file, 'utf8'));
      for (const file of javaFiles(APP_SOURCES)) {
        const text = await readFile(file, 'utf8');
        texts.set(file.slice(APP_SOURCES.length + 1), api === 'javax' ? text.replace(/\bjakarta\.servlet\b/g, 'javax.servlet') : text);
      }
      const hash = createHash('sha256');
      for (const [name, text] of texts) hash.update(name).update(text);
      const out = join(tmpdir(), `cors-lens-${server}-classes-${hash.digest('hex').slice(0, 16)}`);
      if (existsSync(out)) return out;
      const building = `${out}-${process.pid}`;
      await mkdir(join(building, 'src'), { recursive: true });
      const files: string[] = [];
      for (const [name, text] of texts) {
        files.push(join(building, 'src', name));
        await writeFile(files.at(-1)!, text);
      }
      const javac = join(dirname(requireServer(server)), 'javac');
      try {
        await run(javac, ['-d', building, '-cp', jars.join(':'), ...files]);
      } catch (e) {
        throw new Error(`javac failed: ${(e as { stderr?: string }).stderr ?? String(e)}`);
      }
      await rm(join(building, 'src'), { recursive: true, force: true });
      // Another process may have finished the same directory first: then its copy is used.
      await rename(building, out).catch(() => rm(building, { recursive: true, force: true }));
      return out;
    })();
    compiled.set(sources, done);
  }
  return done;
}

export interface ServletLabSpec {
  server: ServerName;
  api: ServletApi;
  /** The directory of the container's own Java sources (its main class; filters only it serves). */
  sources: string;
  main: string;
  /** The container's jars, for javac and the program. */
  jars: readonly string[];
  /** JVM options, given the config file web-server.ts writes (`config`'s text). */
  jvm(conf: string): string[];
  config: string;
  cases: Record<string, ServletCase>;
  /** A fix's web.xml part, for every case instead of its own CORS part. */
  fix?: string | undefined;
}

/** The container serving each case's application (the main class takes the port and the directory of the cases). */
export async function startServletLab(spec: ServletLabSpec): Promise<WebServer> {
  const cp = [await classes(spec.server, spec.sources, spec.api, spec.jars), ...spec.jars].join(':');
  return startWebServer({
    server: spec.server,
    config: () => spec.config,
    args: (dir, conf, port) => [...spec.jvm(conf), '-cp', cp, spec.main, String(port), dir],
    files: Object.fromEntries(Object.entries(spec.cases).map(([id, c]) => [`${id}/WEB-INF/web.xml`, webXml(WEB_APP[spec.api], c, spec.fix)])),
  });
}

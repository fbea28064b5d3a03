/**
 * nginx (Debian's package) on 127.0.0.1 in front of one or more app processes, as
 * docs/deployment.md sets it up: round robin over the nodes, keep-alive to them, the client's
 * address in X-Forwarded-For, and optionally a shared cache that follows the app's Cache-Control
 * and revalidates with its ETag. Its configuration, cache and logs live in a temporary directory.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../test/ports.ts';
import { BENCH_TMP } from './dataset.ts';

export const NGINX = process.env.BENCH_NGINX ?? '/usr/sbin/nginx';

export type Proxy = { baseUrl: string; pids(): number[]; stop(): Promise<void> };

/** The nginx configuration: the same one docs/deployment.md shows, with the paths of `dir`. */
export function nginxConfig(o: { dir: string; port: number; upstreams: string[]; cache: boolean }): string {
  const cache = o.cache
    ? `
      proxy_cache pages;
      proxy_cache_revalidate on;
      proxy_cache_lock on;
      proxy_cache_use_stale updating error timeout;
      proxy_cache_background_update on;
      add_header X-Cache-Status $upstream_cache_status always;`
    : '';
  return `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
pid ${o.dir}/nginx.pid;
error_log ${o.dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${o.dir}/body;
  proxy_temp_path ${o.dir}/proxy;
  fastcgi_temp_path ${o.dir}/fastcgi;
  uwsgi_temp_path ${o.dir}/uwsgi;
  scgi_temp_path ${o.dir}/scgi;
  proxy_cache_path ${o.dir}/cache levels=1:2 keys_zone=pages:10m max_size=200m inactive=10m use_temp_path=off;
  upstream app {
${o.upstreams.map((u) => `    server ${u} max_fails=3 fail_timeout=5s;`).join('\n')}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${o.port};
    client_max_body_size 12m;
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout http_503;${cache}
    }
  }
}
`;
}

export async function startProxy(o: {
  upstreams: string[];
  cache: boolean;
  log: (line: string) => void;
}): Promise<Proxy> {
  if (!existsSync(NGINX))
    throw new Error(`nginx not found at ${NGINX} (Debian: apt-get install nginx-light)`);
  mkdirSync(BENCH_TMP, { recursive: true });
  const dir = mkdtempSync(path.join(BENCH_TMP, 'nginx-'));
  const port = await freePort();
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(conf, nginxConfig({ dir, port, upstreams: o.upstreams, cache: o.cache }));
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', conf, '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  process.on('exit', () => child.kill('SIGKILL'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const response = await fetch(`${baseUrl}/health/ready`);
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not start: ${errors}${readLog(dir)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  o.log(
    `nginx (pid ${child.pid}) at ${baseUrl} → ${o.upstreams.join(', ')}${o.cache ? ', with a cache' : ''}`,
  );
  return {
    baseUrl,
    pids: () => {
      const master = child.pid ?? 0;
      try {
        const children = readFileSync(`/proc/${master}/task/${master}/children`, 'utf8').trim().split(/\s+/);
        return [master, ...children.filter(Boolean).map(Number)];
      } catch {
        return [master];
      }
    },
    stop: async () => {
      child.kill('SIGQUIT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function readLog(dir: string): string {
  try {
    return readFileSync(path.join(dir, 'error.log'), 'utf8').slice(-2000);
  } catch {
    return '';
  }
}

/** The baseline: a bare Fastify route returning a small HTML page, on the same machine. */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
const html = `<!doctype html><html lang="en"><head><title>bare</title></head><body><h1>Bare route</h1>${'<p>baseline</p>'.repeat(20)}</body></html>`;
app.get('/', async (_req, reply) => reply.header('content-type', 'text/html; charset=utf-8').send(html));
await app.listen({ port: Number(process.env.PORT ?? 3301), host: '127.0.0.1' });

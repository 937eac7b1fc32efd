import { Controller, Get, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger as PinoNestLogger, LoggerModule, PinoLogger } from 'nestjs-pino';
import { Writable } from 'node:stream';
import { registerRequestLogging } from '../../backend/src/common/http/request-logging';

/**
 * The request logging hooks (common/http/request-logging.ts) in a real Nest + Fastify app wired as
 * http.ts wires it: what a service logs while serving a request carries the request's id, each
 * request gets one access line with its status, quiet paths get none, and headers never appear.
 */
describe('request logging', () => {
  const lines: Record<string, unknown>[] = [];
  let app: NestFastifyApplication;
  let base: string;

  @Controller('api')
  class ProbeController {
    private readonly logger = new Logger('Probe');
    @Get('probe')
    async probe(): Promise<{ ok: true }> {
      await new Promise((r) => setTimeout(r, 5));
      this.logger.log('inside the request');
      return { ok: true };
    }
    @Get('health/live')
    live(): { ok: true } {
      return { ok: true };
    }
  }

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    @Module({ imports: [LoggerModule.forRoot({ pinoHttp: [{ level: 'info' }, sink], forRoutes: [] })], controllers: [ProbeController] })
    class ProbeModule {}
    app = await NestFactory.create<NestFastifyApplication>(ProbeModule, new FastifyAdapter({ genReqId: () => `req-${lines.length}-${Math.random()}` }), { bufferLogs: true });
    app.useLogger(app.get(PinoNestLogger));
    registerRequestLogging(app.getHttpAdapter().getInstance(), await app.resolve(PinoLogger), (url) => url.startsWith('/api/health'));
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });

  afterAll(() => app.close());

  it('binds the request id to what is logged while serving it, and writes one access line without headers', async () => {
    lines.length = 0;
    const res = await fetch(`${base}/api/probe?x=1`, { headers: { authorization: 'Bearer secret-token', cookie: 'sid=secret-cookie', 'user-agent': 'probe/1' } });
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 50));
    const inside = lines.find((l) => l.msg === 'inside the request');
    const access = lines.filter((l) => l.msg === 'request completed');
    expect(inside?.reqId).toEqual(expect.stringMatching(/^req-/));
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({ reqId: inside!.reqId, method: 'GET', url: '/api/probe?x=1', statusCode: 200, userAgent: 'probe/1', remoteAddress: '127.0.0.1' });
    expect(JSON.stringify(lines)).not.toMatch(/secret-token|secret-cookie/);
  });

  it('two requests at once keep their own ids', async () => {
    lines.length = 0;
    await Promise.all([fetch(`${base}/api/probe`), fetch(`${base}/api/probe`)]);
    await new Promise((r) => setTimeout(r, 50));
    const inside = lines.filter((l) => l.msg === 'inside the request').map((l) => l.reqId);
    const access = lines.filter((l) => l.msg === 'request completed').map((l) => l.reqId);
    expect(new Set(inside).size).toBe(2);
    expect(new Set(access)).toEqual(new Set(inside));
  });

  it('quiet paths (health, metrics) get no access line', async () => {
    lines.length = 0;
    expect((await fetch(`${base}/api/health/live`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 50));
    expect(lines.filter((l) => l.msg === 'request completed')).toEqual([]);
  });
});

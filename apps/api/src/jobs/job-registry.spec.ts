import 'reflect-metadata';
import { Injectable, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { JobHandler } from './job-handler.decorator';
import { JOB_NAMES, JobRegistry, JobRegistryError, checkJobHandlers, findJobHandlers } from './job-registry';
import type { JobName, JobPayloads } from './job.types';

/** A provider with one @JobHandler per given name, made the way feature services are. */
function handlerClass(label: string, names: readonly JobName[]) {
  class Handlers {
    calls: { name: JobName; payload: unknown }[] = [];
  }
  Object.defineProperty(Handlers, 'name', { value: label });
  for (const name of names) {
    const key = `handle_${name.replace('.', '_')}`;
    const descriptor = {
      value: async function (this: Handlers, payload: JobPayloads[JobName]) {
        this.calls.push({ name, payload });
        return { handledBy: label };
      },
      writable: true,
      configurable: true,
    };
    Object.defineProperty(Handlers.prototype, key, descriptor);
    JobHandler(name)(Handlers.prototype, key, descriptor);
  }
  Injectable()(Handlers);
  return Handlers;
}

/** Boots a Nest application context holding the registry and the given providers. */
async function boot(...providers: ReturnType<typeof handlerClass>[]) {
  @Module({ imports: [DiscoveryModule], providers: [JobRegistry, ...providers] })
  class TestModule {}
  const app = await Test.createTestingModule({ imports: [TestModule] }).compile();
  // init() runs the lifecycle hooks, where the registry checks the handlers, as at a real start.
  await app.init();
  return { app, registry: app.get(JobRegistry) };
}

const allBut = (...left: JobName[]) => JOB_NAMES.filter((n) => !left.includes(n));

describe('JobRegistry at start-up', () => {
  it('knows every job name of job.types.ts', () => {
    expect(JOB_NAMES).toEqual(expect.arrayContaining(['scores.recompute', 'quarters.publish', 'notices.render', 'reminders.send', 'quarters.tick']));
  });

  it('starts when every job name has exactly one handler, and runs each on its own instance', async () => {
    const { app, registry } = await boot(handlerClass('ImportHandlers', ['outlets.import', 'articles.import']), handlerClass('OtherHandlers', allBut('outlets.import', 'articles.import')));
    const result = await registry.handler('outlets.import')!({ officeId: 1, fileKey: 'k', fileName: 'f.xlsx' }, { jobId: 1, attempt: 1, progress: async () => undefined });
    expect(result).toEqual({ handledBy: 'ImportHandlers' });
    expect(JOB_NAMES.every((n) => registry.has(n))).toBe(true);
    await app.close();
  });

  it('refuses to start when a job name has no handler, naming it', async () => {
    await expect(boot(handlerClass('Partial', allBut('notices.render')))).rejects.toThrow(new JobRegistryError('job handlers do not match the job names: job "notices.render" has no @JobHandler'));
  });

  it('refuses to start when a job name has two handlers, naming both', async () => {
    const boot2 = boot(handlerClass('AllHandlers', JOB_NAMES), handlerClass('CopiedHandler', ['quarters.publish']));
    await expect(boot2).rejects.toThrow(JobRegistryError);
    await expect(boot2).rejects.toThrow('job "quarters.publish" has 2 handlers: AllHandlers.handle_quarters_publish, CopiedHandler.handle_quarters_publish');
  });
});

describe('checkJobHandlers', () => {
  const found = (owner: string, name: string) => ({ name: name as JobName, owner, handler: async () => null });

  it('lists every problem at once: missing, doubled and unknown names', () => {
    const check = () => checkJobHandlers([found('A.a', 'x.one'), found('B.b', 'x.one'), found('C.c', 'x.stray')], ['x.one', 'x.two']);
    expect(check).toThrow('job "x.one" has 2 handlers: A.a, B.b; job "x.two" has no @JobHandler; C.c handles "x.stray", which is not a job name of job.types.ts');
  });

  it('maps each name to its one handler', () => {
    expect([...checkJobHandlers([found('A.a', 'x.one'), found('B.b', 'x.two')], ['x.one', 'x.two']).keys()]).toEqual(['x.one', 'x.two']);
  });

  it('finds a handler once however many providers alias the same instance', () => {
    const Handlers = handlerClass('Aliased', ['notices.render']);
    const instance = new Handlers();
    expect(findJobHandlers([instance, instance]).map((h) => h.owner)).toEqual(['Aliased.handle_notices_render']);
  });
});

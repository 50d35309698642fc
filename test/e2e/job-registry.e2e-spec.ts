// The boot check of the job registry on the real app: a job name whose handler is gone, or
// handled twice, stops the start with an error that names it (jobs/job-registry.ts).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Injectable, type Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../apps/api/src/app.module';
import { JobHandler } from '../../apps/api/src/jobs/job-handler.decorator';
import { JobRegistry, JobRegistryError } from '../../apps/api/src/jobs/job-registry';
import type { JobPayloads } from '../../apps/api/src/jobs/job.types';
import { NoticesService } from '../../apps/api/src/notices/notices.service';
import { testConfig } from '../utils/app';
import { prepareBackend, testBackends } from '../utils/backends';
import { TestClock } from '../utils/clock';

/** A second handler of a job that already has one, as a copied decorator would make. */
@Injectable()
class CopiedRenderer {
  @JobHandler('notices.render')
  async render(payload: JobPayloads['notices.render']) {
    return payload;
  }
}

describe.each(testBackends('job-registry'))('job registry at start-up ($label)', (backend) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pubscore-registry-'));
  const config = testConfig(backend, dataDir);

  /** Builds and starts the whole app, less a provider's methods or plus a provider; always closed again. */
  async function start(options: { emptied?: Type; added?: Type } = {}) {
    await prepareBackend(backend);
    const builder = Test.createTestingModule({ imports: [AppModule.forRoot(config, new TestClock(config.business.timeZone))], providers: options.added ? [options.added] : [] });
    if (options.emptied) builder.overrideProvider(options.emptied).useValue({});
    const moduleRef = await builder.compile();
    const app = moduleRef.createNestApplication({ logger: false });
    try {
      await app.init();
      return app.get(JobRegistry);
    } finally {
      await app.close();
    }
  }

  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('starts with every job handled once', async () => {
    const registry = await start();
    expect(registry.has('notices.render')).toBe(true);
  });

  it('refuses to start when a job has lost its handler, naming the job', async () => {
    const started = start({ emptied: NoticesService });
    await expect(started).rejects.toThrow(JobRegistryError);
    await expect(started).rejects.toThrow('job "notices.render" has no @JobHandler');
  });

  it('refuses to start when a job has two handlers, naming both', async () => {
    const started = start({ added: CopiedRenderer });
    await expect(started).rejects.toThrow('job "notices.render" has 2 handlers: CopiedRenderer.render, NoticesService.render');
  });
});

// The medium layer: the real feature modules (AppModule: every feature, its providers, the
// job driver of the backend) on a real database, WITHOUT HTTP — no Express, no guards, no
// Swagger. Specs resolve services by class and call their public methods with an AuthUser, so
// they test the rules where they live and survive refactors behind those methods.
//
//   describe.each(testBackends('medium-jobs'))('jobs ($label)', (backend) => {
//     let m: ServiceModule;
//     beforeAll(async () => { m = await createServiceModule(backend); });
//     afterAll(async () => { await m?.close(); });
//     it('…', async () => { const jobs = m.get(JobsService); … });
//   });
//
// Each module gets a copy of the run's migrated template database (test/setup/templates.ts)
// and, on the distributed backend, its suite's own Bull prefix on the shared Redis.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Type } from '@nestjs/common';
import { Test, type TestingModule, type TestingModuleBuilder } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../../../apps/api/src/app.module';
import type { AuthUser } from '../../../apps/api/src/auth/auth-user';
import type { AppConfig } from '../../../apps/api/src/config/app-config';
import { InlineJobDriver } from '../../../apps/api/src/jobs/inline-job.driver';
import type { User } from '../../../apps/api/src/users/user.entity';
import { createFactories, type Factories } from '../../factories';
import { testConfig } from '../../utils/app';
import { freshDatabase, type TestBackend } from '../../utils/backends';
import { TestClock } from '../../utils/clock';

export interface ServiceModule {
  module: TestingModule;
  config: AppConfig;
  backend: TestBackend;
  clock: TestClock;
  dataSource: DataSource;
  f: Factories;
  /** A provider of the module by its class (a service, a repository). */
  get<T>(type: Type<T> | (abstract new (...args: never[]) => T)): T;
  /** Who is calling, as AuthGuard would set it for this account. */
  as(user: User): AuthUser;
  close(): Promise<void>;
}

export interface ServiceModuleOptions {
  /** Settings over the test defaults (test/utils/app.ts testConfig); DEMO_SEED is off: specs make their own offices. */
  env?: Record<string, string>;
  /** Replaces providers before the module compiles (e.g. a job driver the spec delivers by hand). */
  override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
}

export async function createServiceModule(backend: TestBackend, options: ServiceModuleOptions = {}): Promise<ServiceModule> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pubscore-medium-'));
  const config = testConfig(backend, dataDir, { DEMO_SEED: 'false', ...options.env });
  await freshDatabase(backend, config);
  const clock = new TestClock(config.business.timeZone);
  let builder = Test.createTestingModule({ imports: [AppModule.forRoot(config, clock)] });
  if (options.override) builder = options.override(builder);
  const module = await builder.compile();
  module.useLogger(false);
  await module.init();
  const dataSource = module.get(DataSource);
  return {
    module,
    config,
    backend,
    clock,
    dataSource,
    f: createFactories(dataSource),
    get: (type) => module.get(type, { strict: false }),
    as: (user) => ({ id: user.id, username: user.username, displayName: user.displayName, role: user.role, officeId: user.officeId, unitId: user.unitId }),
    async close() {
      if (config.queue.mode === 'inline') await module.get(InlineJobDriver, { strict: false }).drain().catch(() => undefined);
      await module.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** An office of its own with two units (A, B) in one group, and an account of each role. */
export async function officeWithTwoUnits(m: ServiceModule) {
  const office = await m.f.offices.create();
  const group = await m.f.groups.create({ officeId: office.id });
  const unitA = await m.f.units.create({ officeId: office.id, groupId: group.id });
  const unitB = await m.f.units.create({ officeId: office.id, groupId: group.id });
  const user = async (role: User['role'], unitId: number | null = null) => m.as(await m.f.users.create({ officeId: office.id, role, unitId }));
  return {
    office,
    unitA,
    unitB,
    officeUser: await user('office'),
    officerA: await user('officer', unitA.id),
    reviewerA: await user('reviewer', unitA.id),
    officerB: await user('officer', unitB.id),
    reviewerB: await user('reviewer', unitB.id),
  };
}

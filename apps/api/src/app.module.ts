import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ArticlesModule } from './articles/articles.module';
import { PlacementsModule } from './placements/placements.module';
import { InstructionsModule } from './instructions/instructions.module';
import { EvidenceModule } from './evidence/evidence.module';
import { ItemsModule } from './items/items.module';
import { AdjustmentsModule } from './adjustments/adjustments.module';
import { CommissionsModule } from './commissions/commissions.module';
import { MonthlyReportsModule } from './monthly-reports/monthly-reports.module';
import { SchemesModule } from './schemes/schemes.module';
import { SchemePreviewModule } from './schemes/scheme-preview.module';
import { ScoreLedgerModule } from './score-ledger/score-ledger.module';
import { ReviewModule } from './review/review.module';
import { NotificationsModule } from './notifications/notifications.module';
import { RemindersModule } from './reminders/reminders.module';
import { PublicationModule } from './publication/publication.module';
import { NoticesModule } from './notices/notices.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { Clock, ClockModule } from './common/clock';
import { UnitOfWorkModule } from './database/unit-of-work';
import { ErrorFilter } from './common/error.filter';
import { MultipartOnlyForUploadsInterceptor } from './common/multipart.interceptor';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { buildDataSourceOptions } from './database/data-source-options';
import { withDatabaseFlavor } from './database/database-flavor';
import { serializeSqliteAccess } from './database/sqlite-serial-access';
import { DataSource } from 'typeorm';
import { HealthModule } from './health/health.module';
import { JobsModule } from './jobs/jobs.module';
import { OfficesModule } from './offices/offices.module';
import { OfficeSettingsModule } from './offices/office-settings.reader';
import { OutletsModule } from './outlets/outlets.module';
import { SeedModule } from './seed/seed.module';
import { StorageModule } from './storage/storage.module';
import { UnitsModule } from './units/units.module';
import { UsersModule } from './users/users.module';

@Module({})
export class AppModule {
  /** `clock`: tests pass one they can pin (test/utils/clock.ts). */
  static forRoot(config: AppConfig, clock = new Clock(config.business.timeZone)): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            // Health probes every few seconds would drown the log.
            autoLogging: { ignore: (req) => req.url === '/api/health' },
          },
        }),
        TypeOrmModule.forRootAsync({
          useFactory: async () => ({
            ...buildDataSourceOptions(await withDatabaseFlavor(config)),
            // Only HTTP processes migrate: several workers starting at once must not race.
            migrationsRun: config.role !== 'worker',
          }),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            if (config.database.type === 'sqlite') serializeSqliteAccess(dataSource);
            return dataSource;
          },
        }),
        UnitOfWorkModule,
        OfficeSettingsModule,
        JobsModule.forRoot(config),
        StorageModule,
        AuditModule,
        AuthModule,
        HealthModule,
        UnitsModule,
        OutletsModule,
        OfficesModule,
        UsersModule,
        SeedModule,
        ArticlesModule,
        PlacementsModule,
        InstructionsModule,
        ItemsModule,
        AdjustmentsModule,
        EvidenceModule,
        CommissionsModule,
        MonthlyReportsModule,
        SchemesModule,
        ScoreLedgerModule,
        SchemePreviewModule,
        ReviewModule,
        NotificationsModule,
        RemindersModule,
        PublicationModule,
        NoticesModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ErrorFilter }, { provide: APP_INTERCEPTOR, useClass: MultipartOnlyForUploadsInterceptor }],
    };
  }
}

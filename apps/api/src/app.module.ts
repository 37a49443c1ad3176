import { DynamicModule, Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ServeStaticModule } from '@nestjs/serve-static';
import { CollabModule } from './collab/collab.module';
import { AccessModule } from './core/access/access.module';
import { CoreAuthModule } from './core/auth/core-auth.module';
import { AppConfigModule } from './core/config/config.module';
import { DatabaseModule } from './core/database/database.module';
import { LifecycleModule } from './core/lifecycle/lifecycle.module';
import { ActivityModule } from './modules/activity/activity.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { CitiesModule } from './modules/cities/cities.module';
import { CommentsModule } from './modules/comments/comments.module';
import { DocumentsModule } from './modules/documents/documents.module';
import { EventsModule } from './modules/events/events.module';
import { HealthModule } from './modules/health/health.module';
import { IndicatorsModule } from './modules/indicators/indicators.module';
import { InvitationsModule } from './modules/invitations/invitations.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { PilotProjectsModule } from './modules/pilot-projects/pilot-projects.module';
import { ProgrammeModule } from './modules/programme/programme.module';
import { ReviewsModule } from './modules/reviews/reviews.module';
import { SeedModule } from './modules/seed/seed.module';
import { UsersModule } from './modules/users/users.module';
import { VersionsModule } from './modules/versions/versions.module';
import { DashboardModule } from './modules/dashboard/dashboard.module';
import { GoodPracticesModule } from './modules/good-practices/good-practices.module';
import { ReportsModule } from './modules/reports/reports.module';
import { SearchModule } from './modules/search/search.module';

/** Where the built web client is, relative to the compiled (or ts-jest) API. */
export const WEB_DIST = join(__dirname, '..', '..', 'web', 'dist');

@Module({})
export class AppModule {
  static forRoot(overrides: Record<string, string | undefined> = {}): DynamicModule {
    const serveWeb = (overrides.SERVE_WEB ?? process.env.SERVE_WEB ?? 'true') !== 'false' && existsSync(WEB_DIST);
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(overrides),
        EventEmitterModule.forRoot({ wildcard: false }),
        DatabaseModule,
        LifecycleModule,
        CoreAuthModule,
        AccessModule,
        HealthModule,
        AuditModule,
        UsersModule,
        AuthModule,
        InvitationsModule,
        ProgrammeModule,
        CitiesModule,
        DocumentsModule,
        VersionsModule,
        CommentsModule,
        ReviewsModule,
        ActivityModule,
        NotificationsModule,
        PilotProjectsModule,
        EventsModule,
        IndicatorsModule,
        SearchModule,
        GoodPracticesModule,
        DashboardModule,
        ReportsModule,
        CollabModule,
        SeedModule,
        ...(serveWeb
          ? [ServeStaticModule.forRoot({ rootPath: WEB_DIST, exclude: ['/api/{*path}', '/socket.io/{*path}'] })]
          : []),
      ],
    };
  }
}

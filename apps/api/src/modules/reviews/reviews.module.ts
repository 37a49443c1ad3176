import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { DocumentsModule } from '../documents/documents.module';
import { VersionsModule } from '../versions/versions.module';
import { ReviewDecisionEntity, ReviewRoundEntity } from './review.entities';
import { ReviewsController } from './reviews.controller';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';

/**
 * Review and adoption: the document status machine, review rounds and decisions. Others hear of
 * it through 'document.status_changed' and 'review.decided'; it exports nothing.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ReviewRoundEntity, ReviewDecisionEntity]),
    DocumentsModule,
    VersionsModule,
    AuditModule,
  ],
  controllers: [ReviewsController],
  providers: [ReviewsRepository, ReviewsService],
})
export class ReviewsModule {}

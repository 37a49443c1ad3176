import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CollabModule } from '../../collab/collab.module';
import { DocumentsModule } from '../documents/documents.module';
import { LiveModule } from '../live/live.module';
import { CommentThreadEntity } from './comment-thread.entity';
import { CommentEntity } from './comment.entity';
import { CommentsController } from './comments.controller';
import { CommentsRepository } from './comments.repository';
import { MentionsService } from './mentions.service';
import { SuggestionsController } from './suggestions.controller';
import { SuggestionsService } from './suggestions.service';
import { ThreadAccess } from './thread-access';
import { ThreadsController } from './threads.controller';
import { ThreadsService } from './threads.service';

/**
 * Comment threads anchored to passages, their comments and mentions, and suggestions. Others hear
 * of it through the events in `comments.events.ts`; it exports nothing else.
 */
@Module({
  imports: [TypeOrmModule.forFeature([CommentThreadEntity, CommentEntity]), CollabModule, DocumentsModule, LiveModule],
  controllers: [ThreadsController, CommentsController, SuggestionsController],
  providers: [CommentsRepository, ThreadAccess, MentionsService, ThreadsService, SuggestionsService],
})
export class CommentsModule {}

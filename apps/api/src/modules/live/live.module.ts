import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { LiveAccessWatcher } from './live-access.watcher';
import { LiveGateway } from './live.gateway';

/**
 * The live socket `/live`: pushes to a person (`LiveGateway.toUser`) or to everyone who has a
 * document open (`LiveGateway.toDocument`). Exports the gateway for the features that push.
 */
@Module({
  imports: [DocumentsModule],
  providers: [LiveGateway, LiveAccessWatcher],
  exports: [LiveGateway],
})
export class LiveModule {}

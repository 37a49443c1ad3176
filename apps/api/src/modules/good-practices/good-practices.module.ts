import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { GoodPracticesController } from './good-practices.controller';
import { GoodPracticesRepository } from './good-practices.repository';
import { GoodPracticesService } from './good-practices.service';
import { GOOD_PRACTICES_SEEDER, GoodPracticesSeeder } from './seed/good-practices.seeder';

/**
 * The good-practice library over the documents of kind good_practice: themes and adoptions.
 * Exports its demo seeder under the token the seed feature asks for.
 */
@Module({
  imports: [DocumentsModule],
  controllers: [GoodPracticesController],
  providers: [
    GoodPracticesRepository,
    GoodPracticesService,
    GoodPracticesSeeder,
    { provide: GOOD_PRACTICES_SEEDER, useExisting: GoodPracticesSeeder },
  ],
  exports: [GOOD_PRACTICES_SEEDER],
})
export class GoodPracticesModule {}

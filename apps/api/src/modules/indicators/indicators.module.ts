import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IndicatorEntity } from './indicator.entity';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';
import { INDICATORS_SEEDER, IndicatorsSeeder } from './seed/indicators.seeder';

/**
 * The key figures of the cities' migration profiles and their comparison (table and CSV).
 * Exports the service (for the dashboard and the report) and the demo seeder under its token.
 */
@Module({
  imports: [TypeOrmModule.forFeature([IndicatorEntity])],
  controllers: [IndicatorsController],
  providers: [
    IndicatorsRepository,
    IndicatorsService,
    IndicatorsSeeder,
    { provide: INDICATORS_SEEDER, useExisting: IndicatorsSeeder },
  ],
  exports: [IndicatorsService, INDICATORS_SEEDER],
})
export class IndicatorsModule {}

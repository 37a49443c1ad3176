import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProgrammeModule } from '../programme/programme.module';
import { CitiesController } from './cities.controller';
import { CitiesRepository } from './cities.repository';
import { CitiesService } from './cities.service';
import { CityEntity } from './city.entity';
import { MembershipEntity } from './membership.entity';
import { MembershipsController } from './memberships.controller';
import { MembershipsRepository } from './memberships.repository';
import { MembershipsService } from './memberships.service';

@Module({
  imports: [TypeOrmModule.forFeature([CityEntity, MembershipEntity]), ProgrammeModule],
  controllers: [CitiesController, MembershipsController],
  providers: [CitiesRepository, CitiesService, MembershipsRepository, MembershipsService],
  exports: [CitiesService],
})
export class CitiesModule {}

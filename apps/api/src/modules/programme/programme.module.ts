import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationEntity } from './organisation.entity';
import { OrganisationsController } from './organisations.controller';
import { ProgrammeController } from './programme.controller';
import { ProgrammeEntity } from './programme.entity';
import { ProgrammeRepository } from './programme.repository';
import { ProgrammeService } from './programme.service';
import { ThemeEntity } from './theme.entity';
import { ThemesController } from './themes.controller';

@Module({
  imports: [TypeOrmModule.forFeature([ProgrammeEntity, ThemeEntity, OrganisationEntity])],
  controllers: [ProgrammeController, ThemesController, OrganisationsController],
  providers: [ProgrammeRepository, ProgrammeService],
  exports: [ProgrammeService],
})
export class ProgrammeModule {}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Language, Phase } from '@passerelle/domain';
import { Repository } from 'typeorm';
import { CityEntity } from './city.entity';

@Injectable()
export class CitiesRepository {
  constructor(@InjectRepository(CityEntity) private readonly cities: Repository<CityEntity>) {}

  listAll(): Promise<CityEntity[]> {
    return this.cities.find({ order: { name: 'ASC' } });
  }

  findById(id: string): Promise<CityEntity | null> {
    return this.cities.findOneBy({ id });
  }

  findBySlug(slug: string): Promise<CityEntity | null> {
    return this.cities.findOneBy({ slug });
  }

  async update(
    id: string,
    changes: { phase?: Phase; description?: string; languages?: Language[] },
  ): Promise<CityEntity> {
    const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    if (Object.keys(set).length > 0) await this.cities.update({ id }, set);
    return (await this.findById(id))!;
  }
}

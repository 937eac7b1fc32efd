import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';

/** The data source the TypeORM CLI uses (migration:generate); PostgreSQL from DATABASE_URL. */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required to generate migrations');
export default new DataSource(dataSourceOptions(url));

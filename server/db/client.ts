import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.ts';

export type Db = PrismaClient;
/** The client handed to helpers that must run inside a caller's transaction. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export const createDb = (databaseUrl: string, poolSize = 10): Db =>
  new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize }) });

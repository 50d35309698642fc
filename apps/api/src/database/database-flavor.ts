import mysql from 'mysql2/promise';
import type { AppConfig } from '../config/app-config';

/**
 * TypeORM must be told whether a mysql:// server is MariaDB: MariaDB reports column defaults
 * differently, and with the wrong type every schema comparison shows phantom changes (the
 * migration check and the generator would never agree). Asked once at boot.
 */
export async function detectMysqlFlavor(url: string): Promise<'mysql' | 'mariadb'> {
  const connection = await mysql.createConnection({ uri: url, connectTimeout: 5000 });
  try {
    const [rows] = await connection.query('SELECT VERSION() AS v');
    return /mariadb/i.test(String((rows as { v: string }[])[0]?.v)) ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}

/** The config with the database flavour filled in (a no-op for SQLite). */
export async function withDatabaseFlavor<T extends Pick<AppConfig, 'database'>>(config: T): Promise<T> {
  if (config.database.type !== 'mysql' || config.database.flavor) return config;
  return { ...config, database: { ...config.database, flavor: await detectMysqlFlavor(config.database.url) } };
}

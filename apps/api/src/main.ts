import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { createHttpApp } from './bootstrap';
import { ConfigError, loadConfig } from './config/app-config';

/** Entry point: `api` and `all` serve HTTP (and `all` runs the workers too); `worker` only runs jobs. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`pubscore: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  if (config.role === 'worker') {
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config));
    app.enableShutdownHooks();
    console.log(`pubscore worker running (queue: ${config.queue.mode})`);
    return;
  }
  const { app, seed } = await createHttpApp(config);
  await app.listen(config.http.port, config.http.host);
  const url = `http://localhost:${config.http.port}/`;
  const lines = [
    '',
    `pubscore 宣传信息计分系统 is running at ${url}`,
    `  API docs: ${url}api/docs    health: ${url}api/health`,
    `  database: ${config.database.type === 'sqlite' ? config.database.file : 'MySQL/MariaDB'}    queue: ${config.queue.mode}    role: ${config.role}`,
  ];
  if (seed) {
    lines.push(`  demo logins (password: ${config.demo.password}${config.demo.mode ? '' : ', must be changed at first login'}):`);
    for (const a of seed.accounts) lines.push(`    ${a.username.padEnd(10)} ${a.role.padEnd(9)} ${a.displayName}`);
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

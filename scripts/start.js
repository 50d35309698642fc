#!/usr/bin/env node
// `npm start`: build what is missing or stale (server, web app), then run the server.
// `--role=worker` runs only the queue processors (distributed mode, with REDIS_URL).
const path = require('node:path');
const { build } = require('./build');

const role = process.argv.find((a) => a.startsWith('--role='));
// The role flag is turned into the APP_ROLE setting that the config loader reads.
if (role) process.env.APP_ROLE = role.slice('--role='.length);
build();
require(path.join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'main.js'));

// CommonJS on purpose (see luxon.ts): require('luxon') gets the build cron-parser gets.
module.exports = require('luxon');

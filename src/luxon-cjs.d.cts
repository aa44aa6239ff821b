import luxon = require('luxon');
export = luxon;

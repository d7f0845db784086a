select value from settings where site = $1;

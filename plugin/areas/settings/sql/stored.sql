select value from settings where site = :site;

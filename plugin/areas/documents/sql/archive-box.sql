-- The archive box number (档案盒号) printed on a loan slip.
select box_no as "boxNo" from archives where site = :site and id = :archiveId::bigint;

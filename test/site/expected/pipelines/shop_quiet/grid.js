window.pipewrightGrid = {"dag_id":"shop_quiet","states":["success","failed","running","deferred"],"triggers":["schedule","backfill","manual"],"partitions":[]};

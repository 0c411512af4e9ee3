-- A need's order on every page of the needs lists asks whether any of its records waits for the resident:
-- without an index on the order, each page read all of service_records (1 s at 1,000,000 records).
create index service_records_order on service_records (order_id, status);

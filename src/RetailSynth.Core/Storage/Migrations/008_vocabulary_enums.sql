-- Every fact column of a closed vocabulary (data-model §3.4), the outbox's event type and the inventory balances' node
-- type become DuckDB ENUMs instead of VARCHAR: §3.4 allows it where it measures faster and queries and exports see the
-- same strings (docs/decisions.md, "Vocabularies as ENUMs"). A value is stored as one byte, with no string statistics,
-- dictionary analysis or string heap per row, and a value outside its vocabulary cannot be written. Each type lists its
-- values in alphabetical order, so ORDER BY, min/max and comparisons give what they gave on VARCHAR.
CREATE TYPE receipt_type AS ENUM ('RETURN', 'SALE');
CREATE TYPE tender AS ENUM ('CASH', 'CREDIT', 'DEBIT', 'MOBILE', 'OTHER', 'PAYPAL');
CREATE TYPE payment_status AS ENUM ('APPROVED', 'DECLINED', 'REFUNDED');
CREATE TYPE decline_reason AS ENUM (
    'CARD_BLOCKED', 'CARD_EXPIRED', 'FRAUD_SUSPECTED', 'INSUFFICIENT_FUNDS', 'INVALID_CVV', 'LIMIT_EXCEEDED',
    'NETWORK_ERROR');
CREATE TYPE discount_type AS ENUM ('BOGO', 'PERCENT');
CREATE TYPE inventory_reason AS ENUM (
    'ADJUSTMENT', 'DAMAGED', 'INBOUND_SHIPMENT', 'OUTBOUND_SHIPMENT', 'RETURN', 'SALE');
CREATE TYPE priority AS ENUM ('HIGH', 'NORMAL', 'URGENT');
CREATE TYPE temperature_class AS ENUM ('AMBIENT', 'CHILLED');
CREATE TYPE shipment_status AS ENUM ('ARRIVED', 'COMPLETED', 'IN_TRANSIT', 'LOADING', 'SCHEDULED', 'UNLOADING');
CREATE TYPE truck_action AS ENUM ('LOAD', 'UNLOAD');
CREATE TYPE location_type AS ENUM ('DC', 'STORE');
CREATE TYPE store_zone AS ENUM (
    'APPAREL', 'CHECKOUT', 'ELECTRONICS', 'ENTRANCE_MAIN', 'ENTRANCE_SIDE', 'FRESH', 'GROCERY', 'HEALTH_BEAUTY', 'HOME');
CREATE TYPE operation_type AS ENUM ('CLOSED', 'OPENED');
CREATE TYPE fulfillment_mode AS ENUM ('BOPIS', 'SHIP_FROM_DC', 'SHIP_FROM_STORE');
CREATE TYPE node_type AS ENUM ('DC', 'STORE');
CREATE TYPE order_status AS ENUM ('CANCELLED', 'DELIVERED', 'PICKED', 'SHIPPED');
CREATE TYPE campaign_type AS ENUM ('FLASH_SALE', 'LOYALTY_PROGRAM', 'PRODUCT_LAUNCH', 'SEASONAL_SALE');
CREATE TYPE channel AS ENUM ('DISPLAY', 'EMAIL', 'FACEBOOK', 'GOOGLE', 'INSTAGRAM', 'SEARCH', 'SOCIAL', 'YOUTUBE');
CREATE TYPE device_type AS ENUM ('DESKTOP', 'MOBILE', 'TABLET');
CREATE TYPE promo_code AS ENUM (
    'BACKTOSCHOOL', 'BFRIDAY30', 'BFRIDAY40', 'BOGO50', 'CLEARANCE30', 'CLEARANCE50', 'HOLIDAY20', 'NEWYEAR15',
    'PROMO10', 'PROMO20', 'PROMO5', 'SAVE10', 'SAVE15', 'SAVE20', 'SAVE25', 'SUMMER25');
CREATE TYPE event_type AS ENUM (
    'ad_impression', 'ble_ping_detected', 'customer_entered', 'customer_zone_changed', 'inventory_updated',
    'online_order_created', 'online_order_picked', 'online_order_shipped', 'payment_processed', 'promotion_applied',
    'receipt_created', 'receipt_line_added', 'reorder_triggered', 'stockout_detected', 'store_closed', 'store_opened',
    'truck_arrived', 'truck_departed');

ALTER TABLE fact_receipts ALTER receipt_type TYPE receipt_type;
ALTER TABLE fact_receipts ALTER tender_type TYPE tender;
ALTER TABLE fact_receipt_lines ALTER promo_code TYPE promo_code;
ALTER TABLE fact_payments ALTER payment_method TYPE tender;
ALTER TABLE fact_payments ALTER status TYPE payment_status;
ALTER TABLE fact_payments ALTER decline_reason TYPE decline_reason;
ALTER TABLE fact_store_inventory_txn ALTER reason TYPE inventory_reason;
ALTER TABLE fact_dc_inventory_txn ALTER reason TYPE inventory_reason;
ALTER TABLE fact_reorders ALTER priority TYPE priority;
ALTER TABLE fact_truck_moves ALTER status TYPE shipment_status;
ALTER TABLE fact_truck_moves ALTER temperature_class TYPE temperature_class;
ALTER TABLE fact_truck_moves ALTER priority TYPE priority;
ALTER TABLE fact_truck_inventory ALTER action TYPE truck_action;
ALTER TABLE fact_truck_inventory ALTER location_type TYPE location_type;
ALTER TABLE fact_foot_traffic ALTER zone TYPE store_zone;
ALTER TABLE fact_ble_pings ALTER zone TYPE store_zone;
ALTER TABLE fact_customer_zone_changes ALTER from_zone TYPE store_zone;
ALTER TABLE fact_customer_zone_changes ALTER to_zone TYPE store_zone;
ALTER TABLE fact_marketing ALTER campaign_type TYPE campaign_type;
ALTER TABLE fact_marketing ALTER channel TYPE channel;
ALTER TABLE fact_marketing ALTER device_type TYPE device_type;
ALTER TABLE fact_promotions ALTER promo_code TYPE promo_code;
ALTER TABLE fact_promotions ALTER discount_type TYPE discount_type;
ALTER TABLE fact_promo_lines ALTER promo_code TYPE promo_code;
ALTER TABLE fact_store_ops ALTER operation_type TYPE operation_type;
ALTER TABLE fact_online_order_headers ALTER fulfillment_mode TYPE fulfillment_mode;
ALTER TABLE fact_online_order_headers ALTER node_type TYPE node_type;
ALTER TABLE fact_online_order_headers ALTER tender_type TYPE tender;
ALTER TABLE fact_online_order_lines ALTER promo_code TYPE promo_code;
ALTER TABLE fact_online_order_status ALTER status TYPE order_status;
ALTER TABLE fact_online_order_status ALTER fulfillment_mode TYPE fulfillment_mode;
ALTER TABLE fact_online_order_status ALTER node_type TYPE node_type;
ALTER TABLE sim_inventory_balances ALTER node_type TYPE node_type;
ALTER TABLE streaming_outbox ALTER event_type TYPE event_type;

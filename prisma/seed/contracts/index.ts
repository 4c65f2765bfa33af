import { CONFORMED_CONTRACTS } from "./conformed";
import { CUSTOMER_CONTRACTS } from "./customer";
import type { ContractHistory } from "./helpers";
import { INVENTORY_CONTRACTS } from "./inventory";
import { MARKETING_CONTRACTS } from "./marketing";
import { ORDERS_CONTRACTS } from "./orders";
import { PAYMENTS_CONTRACTS } from "./payments";

export const CONTRACT_HISTORIES: ContractHistory[] = [
  ...ORDERS_CONTRACTS,
  ...INVENTORY_CONTRACTS,
  ...CUSTOMER_CONTRACTS,
  ...PAYMENTS_CONTRACTS,
  ...MARKETING_CONTRACTS,
  ...CONFORMED_CONTRACTS,
];

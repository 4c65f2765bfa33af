// Contract histories of the conformed dimensions owned by the platform team.
import { addField, contract, describe, opt, req, sla, type ContractHistory } from "./helpers";

export const CONFORMED_CONTRACTS: ContractHistory[] = [
  {
    product: "conformed.dim_date.gold",
    firstDaysAgo: 410,
    first: contract({
      product: "conformed.dim_date.gold",
      name: "Date dimension",
      owner: "platform",
      description: "One row per calendar day, 2000 to 2040.",
      fields: [
        req("date_key", "integer", "YYYYMMDD."),
        req("date", "date", "The day."),
        req("iso_year", "integer", "ISO 8601 week-numbering year."),
        req("iso_week", "integer", "ISO 8601 week."),
        req("fiscal_year", "integer", "Fiscal year (starts February 1st)."),
        req("fiscal_week", "integer", "Fiscal week, Monday to Sunday."),
        req("day_of_week", "string", "Day name.", { enum: ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] }),
        req("is_weekend", "boolean", "Saturday or Sunday."),
      ],
      sla: sla(10080, 100, 100),
      summary: "The company calendar. Join on date_key or date; never compute fiscal weeks yourself.",
    }),
    steps: [
      { version: "1.1.0", daysAgo: 200, edit: (d) => addField(d, opt("holiday_countries", "array<string>", "ISO country codes with a public holiday that day.")) },
      { version: "1.1.1", daysAgo: 40, edit: (d) => describe(d, "fiscal_year", "Fiscal year, named after the calendar year it ends in (FY2027 = Feb 2026 to Jan 2027).") },
    ],
  },
  {
    product: "conformed.dim_currency.gold",
    firstDaysAgo: 405,
    first: contract({
      product: "conformed.dim_currency.gold",
      name: "Currency dimension",
      owner: "platform",
      description: "ISO 4217 currencies.",
      fields: [
        req("currency_code", "string", "ISO 4217 alphabetic code."),
        req("name", "string", "English name."),
        req("minor_units", "integer", "Digits after the decimal separator."),
        opt("symbol", "string", "Display symbol."),
        req("accepted_at_checkout", "boolean", "True for currencies the shop sells in."),
      ],
      sla: sla(10080, 100, 100),
      summary: "Every currency code used anywhere in the mesh is a row here.",
    }),
    steps: [],
  },
  {
    product: "conformed.dim_country.gold",
    firstDaysAgo: 400,
    first: contract({
      product: "conformed.dim_country.gold",
      name: "Country dimension",
      owner: "platform",
      description: "ISO 3166 countries with sales region and market.",
      fields: [
        req("country_code", "string", "ISO 3166-1 alpha-2."),
        req("iso3_code", "string", "ISO 3166-1 alpha-3."),
        req("name", "string", "English short name."),
        req("region", "string", "Sales region.", { enum: ["EMEA", "AMER", "APAC"] }),
        opt("sales_market", "string", "Market that serves the country, if we ship there."),
        req("currency_code", "string", "Default currency; joins conformed.dim_currency.gold."),
      ],
      sla: sla(10080, 100, 100),
      summary: "The conformed geography: domains join here instead of keeping their own country lists.",
    }),
    steps: [{ version: "1.1.0", daysAgo: 130, edit: (d) => addField(d, opt("vat_rate", "decimal(5,2)", "Standard VAT rate in percent."), { after: "currency_code" }) }],
  },
  {
    product: "conformed.fx_rates.gold",
    firstDaysAgo: 390,
    first: contract({
      product: "conformed.fx_rates.gold",
      name: "Daily exchange rates",
      owner: "platform",
      description: "ECB euro reference rates per day.",
      fields: [
        req("rate_date", "date", "Day the rate applies to."),
        req("quote_currency", "string", "ISO 4217 code of the currency quoted against EUR."),
        req("rate", "decimal(18,8)", "Units of quote_currency per 1 EUR."),
        req("is_carried_forward", "boolean", "True on weekends and TARGET holidays: the last published rate."),
      ],
      sla: sla(1560, 100, 99.9),
      summary: "One rate per day and currency, every day, including weekends.",
      rules: ["Rates are published around 16:00 CET; until then the previous day's rate is carried forward."],
    }),
    steps: [{ version: "1.0.1", daysAgo: 70, edit: (d) => describe(d, "rate", "Units of quote_currency per 1 EUR, as published by the ECB (5 significant digits).") }],
  },
];

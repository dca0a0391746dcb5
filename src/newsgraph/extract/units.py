"""Units: the words and signs news prose uses, their short codes, and SI normalisation.

Codes are those of docs/annotation.md (``km2 mi2 ha km mi m kg t bbl m3 MW GW MWh % pp``,
currencies, ``people``, ``h d week month year min in``). ``normalize`` converts a value to
the SI base unit through pint where one exists; money keeps its currency, counts and
percentages have none.
"""

from __future__ import annotations

import math
from functools import lru_cache

# Surface form (lower case, after the number) → code. Longest forms are tried first.
UNIT_WORDS: dict[str, str] = {
    # area
    "km²": "km2", "km2": "km2", "sq km": "km2", "sq. km": "km2", "square kilometres": "km2",
    "square kilometers": "km2", "square kilometre": "km2", "square kilometer": "km2",
    "sq mi": "mi2", "sq. mi": "mi2", "sq miles": "mi2", "square miles": "mi2",
    "square mile": "mi2", "mi²": "mi2", "hectares": "ha", "hectare": "ha", "ha": "ha",
    "square metres": "m2", "square meters": "m2", "m²": "m2", "sq m": "m2", "acres": "acre",
    "acre": "acre",
    # length
    "km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
    "miles": "mi", "mile": "mi", "mi": "mi", "metres": "m", "meters": "m", "metre": "m",
    "meter": "m", "m": "m", "centimetres": "cm", "centimeters": "cm", "cm": "cm",
    "millimetres": "mm", "millimeters": "mm", "millimetre": "mm", "millimeter": "mm",
    "centimetre": "cm", "centimeter": "cm", "mm": "mm", "inches": "in", "inch": "in",
    "feet": "ft", "foot": "ft", "ft": "ft", "nautical miles": "nmi", "nautical mile": "nmi",
    "yards": "yd", "yard": "yd",
    # mass
    "tonnes": "t", "tonne": "t", "tons": "t", "ton": "t", "metric tons": "t", "t": "t",
    "kilograms": "kg", "kilogrammes": "kg", "kilogram": "kg", "kg": "kg", "grams": "g",
    "gram": "g", "g": "g", "pounds of": "lb", "lbs": "lb", "lb": "lb",
    # volume
    "barrels": "bbl", "barrel": "bbl", "bbl": "bbl", "cubic metres": "m3", "cubic meters": "m3",
    "cubic metre": "m3", "cubic meter": "m3", "m³": "m3", "m3": "m3", "litres": "l",
    "liters": "l", "litre": "l", "liter": "l", "l": "l", "gallons": "gal", "gallon": "gal",
    # power, energy
    "mw": "MW", "megawatts": "MW", "megawatt": "MW", "gw": "GW", "gigawatts": "GW",
    "gigawatt": "GW", "kw": "kW", "kilowatts": "kW", "mwh": "MWh", "megawatt hours": "MWh",
    "megawatt-hours": "MWh", "gwh": "GWh", "gigawatt hours": "GWh", "gigawatt-hours": "GWh",
    "kwh": "kWh", "kilowatt hours": "kWh", "kilowatt-hours": "kWh", "twh": "TWh",
    "horsepower": "hp", "hp": "hp", "bhp": "bhp", "gigabytes": "GB", "gb": "GB",
    "terabytes": "TB", "tb": "TB", "rpm": "rpm", "ghz": "GHz", "mhz": "MHz",
    # shares
    "%": "%", "per cent": "%", "percent": "%", "pc": "%", "pct": "%",
    "percentage points": "pp", "percentage point": "pp", "pp": "pp", "points": "point",
    "basis points": "bp", "basis point": "bp",
    # time used as a measure
    "hours": "h", "hour": "h", "hrs": "h", "minutes": "min", "minute": "min", "mins": "min",
    "min": "min",
    "seconds": "s", "second": "s", "days": "d", "day": "d", "weeks": "week", "week": "week",
    "months": "month", "month": "month", "years": "year", "year": "year",
    # speed, temperature
    "km/h": "km/h", "mph": "mph", "m.p.h.": "mph", "miles per hour": "mph",
    "miles an hour": "mph", "kilometres per hour": "km/h", "kilometers per hour": "km/h",
    "knots": "kn", "°c": "degC", "degrees celsius": "degC",
    "°f": "degF", "degrees fahrenheit": "degF", "fahrenheit": "degF", "celsius": "degC",
    "degf": "degF", "degc": "degC", "deg c": "degC", "deg f": "degF",
    "km/hr": "km/h", "kph": "km/h", "metres per second": "m/s", "m/s": "m/s",
    "meters per second": "m/s",
    "mpg": "mpg", "miles per gallon": "mpg", "degrees": "deg", "degree": "deg",
    # frequency, electricity, pressure, data rates
    "hz": "Hz", "hertz": "Hz", "khz": "kHz", "kilohertz": "kHz", "megahertz": "MHz",
    "gigahertz": "GHz", "mah": "mAh", "watts": "W", "watt": "W", "w": "W", "kilowatt": "kW",
    "volts": "V", "kv": "kV", "kilovolts": "kV", "mpa": "MPa", "ksi": "ksi", "mbps": "Mbps",
    "megabytes": "MB", "mb": "MB",
    # small lengths, masses, volumes; areas and volumes in feet; torque; energy in food
    "micrometres": "um", "micrometers": "um", "microns": "um", "μm": "um", "µm": "um",
    "nanometres": "nm", "nanometers": "nm", "nanometre": "nm", "nanometer": "nm",
    "milligrams": "mg", "milligram": "mg", "mg": "mg", "millilitres": "ml", "milliliters": "ml",
    "ml": "ml", "ounces": "oz", "ounce": "oz", "oz": "oz", "square feet": "ft2",
    "square foot": "ft2", "sq ft": "ft2", "sq. ft": "ft2", "sqm": "m2", "m2": "m2",
    "cubic feet": "ft3", "cubic foot": "ft3", "pound-feet": "lb-ft", "lb-ft": "lb-ft",
    "calories": "kcal", "kcal": "kcal",
    # game averages in sports copy
    "ppg": "points/game", "rpg": "rebounds/game", "apg": "assists/game",
    # concentrations
    "ppm": "ppm", "parts per million": "ppm", "ppb": "ppb", "parts per billion": "ppb",
}
# The same in hyphenated compounds ("six-hour", "310-kilometre", "22-year").
COMPOUND_UNITS = {k: v for k, v in UNIT_WORDS.items() if " " not in k and len(k) > 2} | {
    k: UNIT_WORDS[k] for k in ("hp", "kw", "mw", "gw", "km", "kg", "cm", "mm", "ft", "lb", "gb")
} | {
    "man": "people", "strong": "people", "member": "people", "person": "people",
}
CURRENCY_SIGNS = {
    "us$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₹": "INR",
    "a$": "AUD", "c$": "CAD", "hk$": "HKD", "chf": "CHF", "eur": "EUR", "usd": "USD",
    "gbp": "GBP", "jpy": "JPY", "rub": "RUB", "cny": "CNY", "rmb": "CNY", "sek": "SEK",
    "nok": "NOK", "dkk": "DKK", "pln": "PLN", "inr": "INR", "aud": "AUD", "cad": "CAD",
    "hkd": "HKD", "nis": "ILS", "₪": "ILS", "rm": "MYR", "rs": "INR", "s$": "SGD", "nz$": "NZD",
    "au$": "AUD",
}
CURRENCY_WORDS = {
    "euros": "EUR", "euro": "EUR", "dollars": "USD", "dollar": "USD", "us dollars": "USD",
    "pounds": "GBP", "pound": "GBP", "pounds sterling": "GBP", "sterling": "GBP",
    "yen": "JPY", "roubles": "RUB", "rubles": "RUB", "rouble": "RUB", "ruble": "RUB",
    "yuan": "CNY", "renminbi": "CNY", "swiss francs": "CHF", "francs": "CHF", "franc": "CHF",
    "rupees": "INR", "kronor": "SEK", "kroner": "NOK", "australian dollars": "AUD",
    "canadian dollars": "CAD", "hong kong dollars": "HKD", "new zealand dollars": "NZD",
    "singapore dollars": "SGD", "ringgit": "MYR", "shekels": "ILS", "rand": "ZAR",
    "pence": "GBX", "cents": "cent", "cent": "cent", "sen": "sen",
    "danish crowns": "DKK", "danish kroner": "DKK", "swedish crowns": "SEK",
    "swedish kronor": "SEK", "norwegian crowns": "NOK", "norwegian kroner": "NOK",
}
# ISO codes written after a figure ("110 JPY", "2,000 EUR"), upper case only.
CURRENCY_CODES = frozenset({
    "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "AUD", "CAD", "HKD", "INR", "NZD", "SGD", "MYR",
    "SEK", "NOK", "DKK",
})
# Codes and signs glued to the figure they precede ("USD10m", "RM23.50", "$US113", "$A82",
# "Y=28,030", the ASCII spelling of "¥28,030", and "PS6m", that of "£6m").
GLUED_CURRENCIES = {
    "USD": "USD", "EUR": "EUR", "GBP": "GBP", "AUD": "AUD", "CAD": "CAD", "NZD": "NZD",
    "SGD": "SGD", "HKD": "HKD", "CHF": "CHF", "JPY": "JPY", "CNY": "CNY", "INR": "INR",
    "MYR": "MYR", "RM": "MYR", "Rs": "INR", "PS": "GBP", "Y=": "JPY", "$US": "USD",
    "$A": "AUD",
}
CURRENCIES = frozenset(CURRENCY_SIGNS.values()) | frozenset(CURRENCY_WORDS.values())

# code → (pint unit, SI base target, code of the target).
_PINT = {
    "km2": ("km**2", "m**2", "m2"), "mi2": ("mi**2", "m**2", "m2"), "ha": ("hectare", "m**2", "m2"),
    "m2": ("m**2", "m**2", "m2"), "acre": ("acre", "m**2", "m2"),
    "km": ("km", "m", "m"), "mi": ("mile", "m", "m"), "m": ("m", "m", "m"),
    "cm": ("cm", "m", "m"), "mm": ("mm", "m", "m"), "in": ("inch", "m", "m"),
    "ft": ("foot", "m", "m"), "nmi": ("nautical_mile", "m", "m"),
    "t": ("tonne", "kg", "kg"), "kg": ("kg", "kg", "kg"), "g": ("g", "kg", "kg"),
    "lb": ("pound", "kg", "kg"),
    "bbl": ("oil_barrel", "m**3", "m3"), "m3": ("m**3", "m**3", "m3"), "l": ("liter", "m**3", "m3"),
    "gal": ("gallon", "m**3", "m3"),
    "MW": ("MW", "W", "W"), "GW": ("GW", "W", "W"), "kW": ("kW", "W", "W"),
    "MWh": ("MWh", "J", "J"), "GWh": ("GWh", "J", "J"), "kWh": ("kWh", "J", "J"),
    "TWh": ("TWh", "J", "J"),
    "h": ("hour", "s", "s"), "min": ("minute", "s", "s"), "s": ("second", "s", "s"),
    "d": ("day", "s", "s"), "week": ("week", "s", "s"), "month": ("month", "s", "s"),
    "year": ("year", "s", "s"),
    "km/h": ("km/hour", "m/s", "m/s"), "mph": ("mile/hour", "m/s", "m/s"),
    "kn": ("knot", "m/s", "m/s"), "yd": ("yard", "m", "m"),
    "hp": ("horsepower", "W", "W"), "degC": ("degC", "K", "K"), "degF": ("degF", "K", "K"),
    "m/s": ("m/s", "m/s", "m/s"), "W": ("W", "W", "W"), "V": ("V", "V", "V"),
    "kV": ("kV", "V", "V"), "MPa": ("MPa", "Pa", "Pa"), "Hz": ("Hz", "Hz", "Hz"),
    "kHz": ("kHz", "Hz", "Hz"), "MHz": ("MHz", "Hz", "Hz"), "GHz": ("GHz", "Hz", "Hz"),
    "um": ("micrometer", "m", "m"), "nm": ("nanometer", "m", "m"), "mg": ("mg", "kg", "kg"),
    "ml": ("ml", "m**3", "m3"), "oz": ("ounce", "kg", "kg"), "ft2": ("ft**2", "m**2", "m2"),
    "ft3": ("ft**3", "m**3", "m3"),
}


@lru_cache(maxsize=1)
def _registry():
    import pint

    return pint.UnitRegistry()


# Units whose zero is not the base unit's: converted by pint each time, not by a factor.
OFFSET_UNITS = frozenset({"degC", "degF"})


@lru_cache(maxsize=256)
def _factor(source: str, target: str) -> float:
    """pint's factor from ``source`` to ``target``: pint multiplies by the same factor, and
    building a Quantity for every figure cost more than the rest of the unit reading."""
    return _registry().Quantity(1.0, source).to(target).magnitude


def normalize(value: float | None, unit: str | None) -> tuple[float, str] | None:
    """(value, base unit) in SI through pint; money keeps its currency; else None."""
    if value is None or unit is None:
        return None
    if unit in CURRENCIES:
        return (value, unit)
    spec = _PINT.get(unit)
    if spec is None:
        return None
    source, target, code = spec
    if source in OFFSET_UNITS:
        converted = _registry().Quantity(value, source).to(target).magnitude
    else:
        converted = value * _factor(source, target)
    if not math.isfinite(converted):
        return None
    return (float(f"{converted:.10g}"), code)

"""Pydantic models of the offer file (DESIGN.md section 2, a contract).

Models are frozen so a plugin cannot change an offer behind another plugin's back, and strict with
``extra="forbid"`` so a typo or a quoted number is an error rather than a silently different result.
"""

import math
from typing import Annotated, Any, Literal, NoReturn

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    Strict,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)

from offercheck.offer.money import AMOUNT_CURRENCY, MAX_MONEY, Money, Percent, PositiveMoney, amount_text, usd_per_unit

# TOML arrays arrive as lists; tuples keep the frozen models immutable. Items stay strict.
Names = Annotated[tuple[Annotated[str, Strict()], ...], Strict(False)]


class Vesting(BaseModel):
    """A vesting schedule: percent of the grant vesting in each year, plus how it vests within the years."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    schedule: tuple[float, ...]
    cliff_months: int = 0
    vest_every_months: int = 12


# Presets carry a cliff and a vesting frequency for the leave-early analysis; per-year totals are the contract.
VESTING_PRESETS: dict[str, Vesting] = {
    "4y-even": Vesting(schedule=(25, 25, 25, 25), cliff_months=0, vest_every_months=3),
    "4y-cliff-1y": Vesting(schedule=(25, 25, 25, 25), cliff_months=12, vest_every_months=1),
    # Amazon: 5% at month 12, then every six months: 7.5% twice in year 2, 20% twice a year in years 3 and 4.
    "amazon": Vesting(schedule=(5, 15, 40, 40), cliff_months=12, vest_every_months=6),
    "google-front": Vesting(schedule=(33, 33, 22, 12), cliff_months=0, vest_every_months=1),
    "3y-even": Vesting(schedule=(33.34, 33.33, 33.33), cliff_months=0, vest_every_months=3),
}
DEFAULT_VESTING = "4y-cliff-1y"


class _Table(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False, defer_build=True)


class OfferInfo(_Table):
    company: str = Field(min_length=1, description="Employer name.")
    label: str | None = Field(None, min_length=1, description="Short name shown in tables; defaults to company.")
    role: str | None = Field(None, description="Role key, see `offercheck benchmarks show`.")
    level: str | None = Field(None, description="Free-text level, e.g. senior, L5.")
    currency: str = Field("USD", pattern=r"^[A-Z]{3}$", description="ISO 4217 code of every amount in this file.")


class Candidate(_Table):
    years_experience: float | None = Field(None, ge=0, le=60)
    education: Literal["none", "bachelor", "master", "phd"] | None = None
    certifications: Names = ()
    filing_status: Literal["single", "married"] = "single"
    lives_in: str | None = Field(
        None, min_length=1, description="Where you live, e.g. 'Austin, TX' or 'DE': a remote offer is valued at "
        "its prices with --real (checked when used)."
    )


class Location(_Table):
    city: str | None = None
    state: str | None = Field(None, description="ISO 3166-2 subdivision code or its name, e.g. CA, ON or Ontario.")
    country: str = Field("US", pattern=r"^[A-Z]{2}$", description="ISO 3166 alpha-2 code.")
    remote: Literal["onsite", "hybrid", "remote"] | None = None

    @model_validator(mode="before")
    @classmethod
    def _state_as_code(cls, data: Any) -> Any:
        """A state written out ('Washington', 'ontario', 'US-WA', 'Bayern') is its code (WA, ON, BY) everywhere."""
        state, country = (data.get("state"), data.get("country", "US")) if isinstance(data, dict) else (None, None)
        if not (isinstance(state, str) and isinstance(country, str)):
            return data
        from offercheck.places import subdivision_code

        code = subdivision_code(country, state)
        return data if code is None or code == state else {**data, "state": code}


class Company(_Table):
    industry: str | None = None
    size: Literal["startup", "sme", "large"] | None = None
    public: bool | None = None


class Salary(_Table):
    base: PositiveMoney = Field(description="Annual base salary in year 1.")
    annual_raise_percent: float = Field(0, ge=0, le=50, description="Base in year y = base * (1 + r)^(y-1).")


class Bonus(_Table):
    target_percent: float | None = Field(None, ge=0, le=500, description="Percent of that year's base.")
    amount: Money | None = None
    prorated: bool = Field(False, description="The policy pays a pro-rata bonus for a partial year when you leave.")

    @model_validator(mode="after")
    def _one_form(self) -> "Bonus":
        if self.target_percent is not None and self.amount is not None:
            raise ValueError("give either target_percent or amount, not both")
        return self


class SignOn(_Table):
    amount: Money | None = Field(None, description="Paid in year 1.")
    amounts: Annotated[tuple[Money, ...], Strict(False)] | None = Field(
        None, min_length=1, max_length=30, description="One amount per year from year 1."
    )
    relocation: Money = Field(0, description="Paid in year 1.")
    clawback_months: int = Field(0, ge=0, le=60, description="Repay the sign-on if you leave before this.")

    @model_validator(mode="after")
    def _one_form(self) -> "SignOn":
        if self.amount is not None and self.amounts is not None:
            raise ValueError("give either amount or amounts, not both")
        return self

    def in_year(self, year: int) -> float:
        if self.amounts is not None:
            return self.amounts[year - 1] if year <= len(self.amounts) else 0.0
        return (self.amount or 0.0) if year == 1 else 0.0


class Equity(_Table):
    kind: Literal["rsu", "options"] = "rsu"
    grant_value: Money | None = Field(None, description="RSU: value of the whole grant at grant price.")
    shares: float | None = Field(None, gt=0, le=1e9)
    share_price: PositiveMoney | None = Field(None, description="RSU: price per share at grant.")
    strike: Money | None = Field(None, description="Options: exercise price per share.")
    fmv: Money | None = Field(None, description="Options: fair market value per share (409A or preferred).")
    vesting: str | None = Field(None, description=f"Preset: {', '.join(VESTING_PRESETS)}.")
    schedule: Annotated[tuple[Percent, ...], Strict(False)] | None = Field(None, min_length=1, max_length=10)
    cliff_months: int | None = Field(None, ge=0, le=60)
    vest_every_months: Literal[1, 3, 6, 12] | None = None
    annual_growth_percent: float = Field(0, ge=-90, le=200)
    refresh_annual: Money = Field(0, description="Value of a new grant each year from year 2.")
    refresh_vesting: str | Annotated[tuple[Percent, ...], Strict(False)] | None = Field(
        None, description=f"The refreshers' schedule: a preset ({', '.join(VESTING_PRESETS)}) or percent per year "
        "(vesting every vest_every_months, no cliff); default: the grant's own in an offer file, 4y-even in the "
        "current-job file (whose schedule is what remains of the grant).")
    # Private companies only (DESIGN.md section 5); offercheck.offer.equity_checks gives the friendlier messages.
    liquidity_probability: float | None = Field(None, ge=0, le=1, description="Chance the shares ever become "
                                                "sellable (private companies).")
    dilution_percent_per_round: float | None = Field(None, ge=0, le=90, description="Ownership lost per round.")
    rounds_to_exit: int | None = Field(None, ge=0, le=10, description="Funding rounds before a sale or listing.")
    preferred_price: PositiveMoney | None = Field(None, description="Last preferred price: reported, never used.")
    exercise_window_days: int | None = Field(None, ge=0, le=3650, description="Post-termination exercise window.")
    double_trigger: bool | None = Field(None, description="Private RSUs: income only at a liquidity event.")
    exit_prices: Annotated[tuple[PositiveMoney, ...], Strict(False)] = Field(
        (), max_length=20, description="Exit prices per share to show scenarios at.")
    exercise_year: int | None = Field(None, ge=1, le=50, description="Year of the offer the options are exercised.")
    liquidity_year: int | None = Field(None, ge=1, le=50, description="Year of the offer of a sale or listing.")

    @field_validator("vest_every_months", mode="before")
    @classmethod
    def _months_are_integers(cls, v: object) -> object:
        # Literal[1, 3, 6, 12] matches by equality even in strict mode, so `true` (== 1) would silently mean
        # monthly vesting and 3.0 would pass for 3; refuse them as strict ints are refused everywhere else.
        if isinstance(v, (bool, float)):
            raise ValueError("Input should be 1, 3, 6 or 12 (a whole number of months)")
        return v

    @field_validator("vesting")
    @classmethod
    def _known_preset(cls, v: str | None) -> str | None:
        if v is not None and v not in VESTING_PRESETS:
            raise ValueError(f"unknown vesting preset {v!r}; known: {', '.join(VESTING_PRESETS)}")
        return v

    @field_validator("schedule")
    @classmethod
    def _sums_to_100(cls, v: tuple[float, ...] | None) -> tuple[float, ...] | None:
        if v is not None and not math.isclose(sum(v), 100, abs_tol=0.01):
            raise ValueError(f"vesting schedule must sum to 100 (it sums to {sum(v):g})")
        return v

    @field_validator("refresh_vesting", mode="before")
    @classmethod
    def _refresh_schedule(cls, v: object) -> object:
        # One message per mistake, not pydantic's one per member of the union.
        if v is None:
            return v
        if isinstance(v, str):
            if v not in VESTING_PRESETS:
                raise ValueError(f"unknown vesting preset {v!r}; known: {', '.join(VESTING_PRESETS)}")
            return v
        if not isinstance(v, (list, tuple)):
            raise ValueError(f"give a preset name ({', '.join(VESTING_PRESETS)}) or a list of percents per year, "
                             "e.g. [25, 25, 25, 25]")
        if not 1 <= len(v) <= 10:
            raise ValueError(f"give 1 to 10 percents per year (it has {len(v)})")
        if not all(isinstance(p, (int, float)) and not isinstance(p, bool) and 0 <= p <= 100 for p in v):
            raise ValueError("each year's percent must be a number from 0 to 100")
        if not math.isclose(sum(v), 100, abs_tol=0.01):
            raise ValueError(f"refresher schedule must sum to 100 (it sums to {sum(v):g})")
        return v

    @model_validator(mode="after")
    def _consistent(self) -> "Equity":
        if self.vesting is not None and self.schedule is not None:
            raise ValueError("give either vesting (a preset) or schedule, not both")
        if self.kind == "rsu":
            by_shares = self.shares is not None or self.share_price is not None
            if self.grant_value is not None and by_shares:
                raise ValueError("give either grant_value or shares and share_price, not both")
            if self.grant_value is None and (self.shares is None or self.share_price is None):
                raise ValueError("rsu needs grant_value, or shares and share_price")
            if self.strike is not None or self.fmv is not None:
                raise ValueError("strike and fmv are for kind = 'options'")
        else:
            missing = [k for k in ("shares", "strike", "fmv") if getattr(self, k) is None]
            if missing:
                raise ValueError(f"options need shares, strike and fmv (missing: {', '.join(missing)})")
            if self.grant_value is not None or self.share_price is not None:
                raise ValueError("options take shares, strike and fmv, not grant_value or share_price")
        self._grant_is_plausible()
        self._cliff_fits_schedule()
        return self

    def _grant_is_plausible(self) -> None:
        # grant_value is capped like every amount; a grant given as shares x price must be too (a typo in either).
        price, name = (self.fmv, "fmv") if self.kind == "options" else (self.share_price, "share_price")
        code, rate = AMOUNT_CURRENCY.get()
        if self.shares is not None and price is not None and rate is not None \
                and self.shares * price * rate > MAX_MONEY:
            worth = self.shares * price
            usd = "" if code == "USD" else f" (about {amount_text(worth * rate, '$')})"
            raise ValueError(f"shares x {name} = {amount_text(worth, code)}{usd}, above the {MAX_MONEY:,.0f} US "
                             "dollars a grant may be worth; check both numbers")

    def _cliff_fits_schedule(self) -> None:
        # Yearly pay follows the schedule, leaving early follows the cliff: they must agree. A cliff ending after
        # year 1 means nothing can vest in the years wholly before it.
        plan = self.vesting_plan
        before = math.ceil(plan.cliff_months / 12) - 1
        if before > 0 and any(plan.schedule[:before]):
            years = "year 1" if before == 1 else f"years 1-{before}"
            raise ValueError(
                f"with cliff_months = {plan.cliff_months} nothing vests in {years}, but the vesting schedule gives "
                f"{years} {sum(plan.schedule[:before]):g}%: give {'it' if before == 1 else 'them'} 0 in `schedule` "
                f"(e.g. schedule = [0, 50, 25, 25] with cliff_months = 24)"
            )

    @property
    def vesting_plan(self) -> Vesting:
        if self.schedule is not None:
            base = Vesting(schedule=self.schedule)
        else:
            base = VESTING_PRESETS[self.vesting or DEFAULT_VESTING]
        return base.model_copy(
            update={
                k: v
                for k, v in (("cliff_months", self.cliff_months), ("vest_every_months", self.vest_every_months))
                if v is not None
            }
        )


class Benefits(_Table):
    retirement_match_percent: Percent = Field(0, description="Employer retirement match, percent of base.")
    employee_401k_percent: Percent | None = Field(
        None, description="Your pre-tax 401(k) deferral, percent of base: lowers taxable wages (US) and, when given, "
        "caps the employer match (a match is paid only on what you put in)."
    )
    health_annual: Money = Field(0, description="Employer-paid health premiums.")
    espp_discount_percent: float = Field(0, ge=0, le=50)
    espp_contribution_percent: Percent = 0
    pto_days: float = Field(0, ge=0, le=366, description="Reported and compared, not added to pay.")
    other_annual: Money = Field(0, description="Stipends, learning budget and the like.")

    @model_validator(mode="after")
    def _espp_pair(self) -> "Benefits":
        if (self.espp_discount_percent > 0) != (self.espp_contribution_percent > 0):
            raise ValueError("ESPP needs both espp_discount_percent and espp_contribution_percent")
        return self


class FrozenDict(dict[str, Any]):
    """A dict that refuses changes, so a plugin cannot alter a ``[plugins.NAME]`` table behind another's back."""

    def _refuse(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("offer data is read-only")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = __ior__ = _refuse

    def __reduce__(self) -> "tuple[type[FrozenDict], tuple[dict[str, Any]]]":
        return (FrozenDict, (dict(self),))  # copy and pickle without calling the refused __setitem__


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return FrozenDict({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


class Leaving(_Table):
    """What leaving the current job costs: only in the current-job file given with ``--current``."""

    unvested_equity: Money = Field(0, description="Value of the equity you give up unvested.")
    unpaid_bonus: Money = Field(0, description="Bonus you would be paid if you stayed until it pays out.")
    clawback_owed: Money = Field(0, description="A sign-on or relocation you would have to repay.")
    notice_weeks: float = Field(0, ge=0, le=52, description="Notice period, reported.")

    @property
    def total(self) -> float:
        return self.unvested_equity + self.unpaid_bonus + self.clawback_owed


class Offer(_Table):
    """One offer file. Attributes mirror the file's tables."""

    offer: OfferInfo
    candidate: Candidate = Candidate()
    location: Location = Location()
    company: Company = Company()
    salary: Salary
    bonus: Bonus = Bonus()
    sign_on: SignOn = SignOn()
    equity: Equity | None = None
    benefits: Benefits = Benefits()
    leaving: Leaving | None = None
    # `[plugins.NAME]` tables belong to plugin NAME: core validation passes them untouched (loading validates
    # them with the model the plugin declares); frozen, arrays as tuples.
    plugins: dict[str, dict[str, Any]] = Field(default_factory=FrozenDict, description="Settings for plugin NAME.")

    _path: str | None = PrivateAttr(None)

    @model_validator(mode="wrap")
    @classmethod
    def _amounts_in_its_currency(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        """Every amount is bounded in US dollars at the offer's own currency (see MAX_MONEY)."""
        info = data.get("offer") if isinstance(data, dict) else None
        code = info.get("currency", "USD") if isinstance(info, dict) else "USD"
        token = AMOUNT_CURRENCY.set((code, usd_per_unit(code)) if isinstance(code, str) else ("USD", None))
        try:
            return handler(data)
        finally:
            AMOUNT_CURRENCY.reset(token)

    @field_validator("plugins")
    @classmethod
    def _frozen_plugin_tables(cls, v: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        frozen: dict[str, dict[str, Any]] = _freeze(v)
        return frozen

    @property
    def label(self) -> str:
        return self.offer.label or self.offer.company

    @property
    def currency(self) -> str:
        return self.offer.currency

    @property
    def path(self) -> str | None:
        """The file this offer was read from, if any."""
        return self._path

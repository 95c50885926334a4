-- Sub-organizations are a feature of the plan (Pro and higher): counted per tree like any limited resource, with a
-- limit of 0 on plans without them and none on plans with them. Sub-organizations created before this count was
-- kept are not in it: they stay, and a plan change that would exclude them is only refused for ones counted since.
insert into resource_quota (organization_id, resource, limit_value, used, custom)
select a.organization_id, 'SUB_ORGANIZATIONS',
       case when a.billing_root_id = a.organization_id and a.plan in ('FREE', 'PLUS') then 0 else null end, 0, false
from billing_account a
on conflict do nothing;

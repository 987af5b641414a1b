/**
 * The same registration with Azure CLI and Microsoft Graph PowerShell, for admins who run their
 * own tools: `application.json` is the create body, `application-update.json` the update with
 * `{appId}` standing for the new app id.
 */
export function renderRegistrationCommands(displayName: string): string {
  return `# Azure CLI (az login --allow-no-subscriptions first)
app=$(az rest --method POST --uri https://graph.microsoft.com/v1.0/applications --headers Content-Type=application/json --body @application.json)
objectId=$(echo "$app" | jq -r .id); appId=$(echo "$app" | jq -r .appId)
sed "s/{appId}/$appId/g" application-update.json > application-update.$appId.json
az rest --method PATCH --uri "https://graph.microsoft.com/v1.0/applications/$objectId" --headers Content-Type=application/json --body @application-update.$appId.json
az ad sp create --id "$appId"
az ad app credential reset --id "$appId" --append --display-name "${displayName}"

# Microsoft Graph PowerShell
Connect-MgGraph -Scopes Application.ReadWrite.All
$app = New-MgApplication -BodyParameter (Get-Content application.json -Raw | ConvertFrom-Json -AsHashtable)
Update-MgApplication -ApplicationId $app.Id -BodyParameter ((Get-Content application-update.json -Raw).Replace('{appId}', $app.AppId) | ConvertFrom-Json -AsHashtable)
New-MgServicePrincipal -AppId $app.AppId
$secret = Add-MgApplicationPassword -ApplicationId $app.Id -PasswordCredential @{ DisplayName = '${displayName}' }
`;
}

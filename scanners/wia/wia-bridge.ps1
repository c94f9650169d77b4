<#
.SYNOPSIS
  WIA bridge for the kiosk's scanner interface (Windows only; not yet run on Windows).

.DESCRIPTION
  Talks to WIA 2.0 through the WIA Automation Layer (WIA.DeviceManager COM).
  Every answer is one JSON object per line on stdout, so the Node side reads
  pages as they are saved:
    {"event":"device", "id":..., "name":..., "vendor":..., "sources":[...], "dpi":[min,max], "bedMm":[w,h]}
    {"event":"page", "index":0, "path":"C:\...\p0001.png"}
    {"event":"error", "code":"PAPER_JAM", "hresult":"0x80210002", "detail":"..."}
    {"event":"done", "pages":3}
  Invoked with an argument array (never a command string), e.g.
    powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File wia-bridge.ps1 -Action scan -DeviceId ... -Source adf -Dpi 300 -Mode gray -OutDir C:\tmp\job -MaxPages 0
#>
param(
  [Parameter(Mandatory = $true)][ValidateSet('list', 'scan')][string]$Action,
  [string]$DeviceId = '',
  [ValidateSet('flatbed', 'adf', 'adf-duplex')][string]$Source = 'flatbed',
  [ValidateRange(50, 1200)][int]$Dpi = 300,
  [ValidateSet('color', 'gray', 'bitonal')][string]$Mode = 'gray',
  [string]$OutDir = '',
  [ValidateRange(0, 1000)][int]$MaxPages = 0
)

$ErrorActionPreference = 'Stop'
[Console]::OutputEncoding = [System.Text.Encoding]::UTF8

# WIA property ids (wiadef.h).
$DEVICE_NAME = 7; $DEVICE_VENDOR = 3
$DOCUMENT_HANDLING_CAPABILITIES = 3086; $DOCUMENT_HANDLING_SELECT = 3088; $PAGES = 3096
$HORIZONTAL_BED_SIZE = 3074; $VERTICAL_BED_SIZE = 3075
$CURRENT_INTENT = 6146; $HORIZONTAL_RESOLUTION = 6147; $VERTICAL_RESOLUTION = 6148
$FEEDER = 1; $FLATBED = 2; $DUPLEX = 4
$FORMAT_PNG = '{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}'

# WIA_ERROR_* HRESULTs (wiadef.h) -> the interface's error codes. PowerShell reads these hex
# literals as Int32 (two's complement), the same type as Exception.HResult, so they compare directly.
$errorCodes = @{
  0x80210002 = 'PAPER_JAM'; 0x80210003 = 'FEEDER_EMPTY'; 0x80210004 = 'PAPER_JAM';
  0x80210005 = 'DEVICE_OFFLINE'; 0x80210006 = 'DEVICE_BUSY'; 0x80210007 = 'DEVICE_BUSY';
  0x80210009 = 'DEVICE_GONE'; 0x8021000A = 'DEVICE_GONE'; 0x8021000C = 'UNSUPPORTED_OPTION';
  0x8021000D = 'DEVICE_BUSY'; 0x80210015 = 'DEVICE_NOT_FOUND'; 0x80210016 = 'COVER_OPEN'
}

function Emit($object) { [Console]::Out.WriteLine(($object | ConvertTo-Json -Compress -Depth 4)); [Console]::Out.Flush() }

function Get-Prop($properties, [int]$id) {
  foreach ($p in $properties) { if ($p.PropertyID -eq $id) { return $p } }
  return $null
}

function Set-Prop($properties, [int]$id, $value) {
  $p = Get-Prop $properties $id
  if ($null -ne $p) { $p.Value = $value; return $true }
  return $false
}

# PowerShell wraps the COMException of a failed method call; the WIA HRESULT is on the innermost one.
function Get-Root($exception) {
  while ($null -ne $exception.InnerException) { $exception = $exception.InnerException }
  return $exception
}

function Emit-Error($exception) {
  $exception = Get-Root $exception
  $hresult = [int]$exception.HResult
  $code = $errorCodes[$hresult]
  if ($null -eq $code) { $code = 'SCAN_FAILED' }
  Emit @{ event = 'error'; code = $code; hresult = ('0x{0:X8}' -f $hresult); detail = $exception.Message }
}

$manager = New-Object -ComObject WIA.DeviceManager

if ($Action -eq 'list') {
  foreach ($info in $manager.DeviceInfos) {
    if ($info.Type -ne 1) { continue } # 1 = ScannerDeviceType
    $entry = @{ event = 'device'; id = $info.DeviceID; name = ''; vendor = ''; sources = @() }
    try {
      $entry.name = (Get-Prop $info.Properties $DEVICE_NAME).Value
      $entry.vendor = (Get-Prop $info.Properties $DEVICE_VENDOR).Value
      $device = $info.Connect()
      $caps = Get-Prop $device.Properties $DOCUMENT_HANDLING_CAPABILITIES
      $capsValue = if ($null -eq $caps) { $FLATBED } else { [int]$caps.Value }
      if ($capsValue -band $FLATBED) { $entry.sources += 'flatbed' }
      if ($capsValue -band $FEEDER) { $entry.sources += 'adf' }
      if ($capsValue -band $DUPLEX) { $entry.sources += 'adf-duplex' }
      $w = Get-Prop $device.Properties $HORIZONTAL_BED_SIZE
      $h = Get-Prop $device.Properties $VERTICAL_BED_SIZE
      if ($null -ne $w -and $null -ne $h) { $entry.bedMm = @([math]::Floor($w.Value * 0.0254), [math]::Floor($h.Value * 0.0254)) }
      $res = Get-Prop $device.Items.Item(1).Properties $HORIZONTAL_RESOLUTION
      if ($null -ne $res -and $res.SubType -eq 1) { $entry.dpi = @($res.SubTypeMin, $res.SubTypeMax) } # 1 = RangeSubType
      $entry.status = 'ready'
    } catch {
      $entry.status = 'offline'
    }
    Emit $entry
  }
  Emit @{ event = 'done'; pages = 0 }
  exit 0
}

try {
  $info = $null
  foreach ($candidate in $manager.DeviceInfos) { if ($candidate.DeviceID -eq $DeviceId) { $info = $candidate } }
  if ($null -eq $info) { Emit @{ event = 'error'; code = 'DEVICE_NOT_FOUND'; hresult = '0x80210015'; detail = $DeviceId }; exit 3 }
  $device = $info.Connect()
  $handling = switch ($Source) { 'adf' { $FEEDER } 'adf-duplex' { $FEEDER -bor $DUPLEX } default { $FLATBED } }
  if (-not (Set-Prop $device.Properties $DOCUMENT_HANDLING_SELECT $handling) -and $Source -ne 'flatbed') {
    Emit @{ event = 'error'; code = 'UNSUPPORTED_OPTION'; hresult = '0'; detail = 'no document feeder' }; exit 4
  }
  [void](Set-Prop $device.Properties $PAGES 1)
  $item = $device.Items.Item(1)
  $intent = switch ($Mode) { 'color' { 1 } 'gray' { 2 } default { 4 } }
  [void](Set-Prop $item.Properties $CURRENT_INTENT $intent)
  [void](Set-Prop $item.Properties $HORIZONTAL_RESOLUTION $Dpi)
  [void](Set-Prop $item.Properties $VERTICAL_RESOLUTION $Dpi)
  New-Item -ItemType Directory -Force -Path $OutDir | Out-Null
  $index = 0
  while ($true) {
    if ($MaxPages -gt 0 -and $index -ge $MaxPages) { break }
    try {
      $image = $item.Transfer($FORMAT_PNG)
    } catch {
      # An empty feeder after at least one page is the normal end of an ADF batch.
      if ([int](Get-Root $_.Exception).HResult -eq 0x80210003 -and $index -gt 0) { break }
      Emit-Error $_.Exception
      exit 1
    }
    $path = Join-Path $OutDir ('p{0:D4}.png' -f ($index + 1))
    $image.SaveFile($path)
    Emit @{ event = 'page'; index = $index; path = $path }
    $index++
    if ($Source -eq 'flatbed') { break }
  }
  Emit @{ event = 'done'; pages = $index }
  exit 0
} catch {
  Emit-Error $_.Exception
  exit 1
}

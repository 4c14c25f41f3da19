<?php
/**
 * Helpers shared by the settings tests: demo marketplace input and the REST namespace.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Tests\Integration\Settings;

use Creators_Connect\Marketplace\Marketplace_Registry;
use Creators_Connect\Settings\Marketplace_Rows;
use Creators_Connect\Settings\Paapi_Keys;
use Creators_Connect\Settings\Public_Marketplace;
use Creators_Connect\Settings\Secret_Box;
use Creators_Connect\Settings\Stored_Credentials;
use Creators_Connect\Tests\Emulator;

/**
 * Demo input built from tests/fixtures/credentials.json.
 */
trait Settings_Fixtures {

	/**
	 * The marketplace entries with the site's key (as the plugin builds them).
	 */
	protected function marketplaces(): Marketplace_Rows {
		return new Marketplace_Rows( new Secret_Box() );
	}

	/**
	 * What the router reads of the settings, with the site's key (as the plugin builds it).
	 */
	protected function credentials(): Stored_Credentials {
		$box = new Secret_Box();
		return new Stored_Credentials( new Marketplace_Rows( $box ), new Paapi_Keys( $box ), $box );
	}

	/**
	 * The entries as the screen sees them, with the site's key.
	 */
	protected function public_marketplace(): Public_Marketplace {
		$box = new Secret_Box();
		return new Public_Marketplace( new Marketplace_Rows( $box ), $box );
	}

	/**
	 * The PA-API keys with the site's key.
	 */
	protected function paapi_keys(): Paapi_Keys {
		return new Paapi_Keys( new Secret_Box() );
	}

	/**
	 * The input that adds a marketplace with the emulator's demo credentials of its region.
	 *
	 * @param string $country Country code.
	 * @param string $type    `cognito` or `lwa`.
	 * @return array<string, mixed>
	 */
	protected function demo_input( string $country = 'de', string $type = 'cognito' ): array {
		$region = Marketplace_Registry::get( $country )->region ?? 'NA';
		$set    = Emulator::credentials()[ $type ][ $region ];
		return array(
			'country'           => $country,
			'credential_type'   => $type,
			'credential_id'     => (string) $set['credential_id'],
			'credential_secret' => (string) $set['credential_secret'],
			'partner_tag'       => Emulator::partner_tag( $country ),
		);
	}

	/**
	 * Every demo secret (to scan answers for).
	 *
	 * @return list<string>
	 */
	protected function demo_secrets(): array {
		$secrets = array();
		$data    = Emulator::credentials();
		foreach ( array( 'cognito', 'lwa' ) as $type ) {
			foreach ( $data[ $type ] as $set ) {
				$secrets[] = (string) $set['credential_secret'];
			}
		}
		$secrets[] = (string) $data['paapi']['secret_key'];
		return $secrets;
	}
}
